/**
 * The Content Manager in Chinese: every field of the three types it shows has a Chinese label,
 * every enumeration value a name in both languages, and the view settings this application
 * sets at boot never overwrite what someone changed in "Configure the view".
 */
import {
  ENUM_NAMES,
  NOT_IN_EDIT_VIEWS,
  bareValueNames,
  prefixByField,
} from '../../src/plugins/governance/shared/contracts/content-manager';
import en from '../../src/plugins/governance/admin/src/translations/en.json';
import zh from '../../src/plugins/governance/admin/src/translations/zh-Hans.json';
import article from '../../src/api/article/content-types/article/schema.json';
import message from '../../src/api/citizen-message/content-types/citizen-message/schema.json';
import site from '../../src/api/site/content-types/site/schema.json';
import {
  VIEWS,
  mergeView,
  type AppliedView,
  type ViewConfiguration,
} from '../../src/content-manager-views';

interface Attribute {
  type: string;
  enum?: string[];
  visible?: boolean;
}
const SCHEMAS: Record<string, Record<string, Attribute>> = {
  'api::article.article': article.attributes,
  'api::citizen-message.citizen-message': message.attributes,
  'api::site.site': site.attributes,
};
const shown = (attributes: Record<string, Attribute>) =>
  Object.entries(attributes).filter(([, attribute]) => attribute.visible !== false);

describe.each(Object.entries(SCHEMAS))('%s', (uid, attributes) => {
  it('labels every field the Content Manager shows in Chinese', () => {
    for (const [field] of shown(attributes))
      expect([field, VIEWS[uid].labels[field]]).toEqual([
        field,
        expect.stringMatching(/\p{Script=Han}/u),
      ]);
  });

  it('names every value of every enumeration, in Chinese and in English', () => {
    for (const [field, attribute] of shown(attributes)) {
      if (attribute.type !== 'enumeration') continue;
      const prefix = ENUM_NAMES[uid]?.[field];
      expect([field, prefix]).toEqual([field, expect.any(String)]);
      for (const value of attribute.enum ?? []) {
        const key = `${prefix}.${value}` as keyof typeof zh;
        expect([key, zh[key]]).toEqual([key, expect.stringMatching(/\p{Script=Han}/u)]);
        expect([key, en[key as keyof typeof en]]).toEqual([key, expect.any(String)]);
      }
    }
  });

  it('lists columns that are fields of the type', () => {
    for (const field of VIEWS[uid].list)
      expect([field, field in attributes]).toEqual([field, true]);
  });
});

it('gives each enumeration field name one meaning (the filters look them up by name)', () => {
  const byField = prefixByField();
  for (const fields of Object.values(ENUM_NAMES))
    for (const [field, prefix] of Object.entries(fields)) expect(byField[field]).toBe(prefix);
});

it("registers the values by their bare value, the edit views' own without a clash", () => {
  const names = bareValueNames(zh);
  expect(names).toMatchObject({ consultation: '咨询', complaint: '投诉', county: '区县级' });
  for (const [uid, fields] of Object.entries(ENUM_NAMES))
    for (const [field, prefix] of Object.entries(fields)) {
      if (NOT_IN_EDIT_VIEWS.has(field)) continue;
      for (const value of SCHEMAS[uid][field].enum ?? [])
        expect([value, names[value]]).toEqual([value, zh[`${prefix}.${value}` as keyof typeof zh]]);
    }
  // The states no edit view shows: named for Strapi's lookups, a shared value by both meanings.
  expect(names).toMatchObject({ in_review: zh['review.status.in_review'], transferred: '已转办' });
  expect(names.rejected.split('／').sort()).toEqual(
    [zh['review.status.rejected'], zh['messages.status.rejected']].sort()
  );
});

describe('mergeView', () => {
  const view = {
    labels: { title: '标题', site: '所属站点', column: '栏目' },
    descriptions: { column: '文章所在的栏目' },
    list: ['title', 'site'],
    hiddenInEditView: ['column'],
    readOnlyInEditView: ['site'],
  };
  /** A type's configuration as Strapi creates it: labels are the attribute names. */
  const fresh = (fields = ['title', 'site', 'column']): ViewConfiguration => ({
    metadatas: Object.fromEntries(
      fields.map((field) => [
        field,
        { edit: { label: field, description: '', editable: true }, list: { label: field } },
      ])
    ),
    layouts: {
      list: ['id', ...fields].slice(0, 4),
      edit: [fields.map((name) => ({ name, size: 6 }))],
    },
  });

  it('sets labels, descriptions, columns, hidden and read-only fields on a fresh configuration', () => {
    const configuration = fresh();
    mergeView(configuration, view, undefined);
    expect(configuration.metadatas.title).toEqual({
      edit: { label: '标题', description: '', editable: true },
      list: { label: '标题' },
    });
    expect(configuration.metadatas.column.edit?.description).toBe('文章所在的栏目');
    expect(configuration.metadatas.site.edit?.editable).toBe(false);
    expect(configuration.layouts.list).toEqual(['title', 'site']);
    expect(configuration.layouts.edit).toEqual([
      [
        { name: 'title', size: 6 },
        { name: 'site', size: 6 },
      ],
    ]);
  });

  it("keeps what someone changed in 'Configure the view' at the next boot", () => {
    const configuration = fresh();
    const applied = mergeView(configuration, view, undefined);
    // The province renames a label, reorders the columns, shows 栏目 again and unlocks 所属站点.
    configuration.metadatas.title.edit!.label = '文章标题';
    configuration.metadatas.title.list!.label = '文章标题';
    configuration.layouts.list = ['site', 'title'];
    configuration.layouts.edit[0].push({ name: 'column', size: 6 });
    configuration.metadatas.site.edit!.editable = true;
    const next = mergeView(configuration, view, applied);
    expect(configuration.metadatas.title.edit?.label).toBe('文章标题');
    expect(configuration.metadatas.title.list?.label).toBe('文章标题');
    expect(configuration.layouts.list).toEqual(['site', 'title']);
    expect(configuration.layouts.edit[0].map((field) => field.name)).toContain('column');
    expect(configuration.metadatas.site.edit?.editable).toBe(true);
    // And at the boot after.
    mergeView(configuration, view, next);
    expect(configuration.metadatas.title.edit?.label).toBe('文章标题');
    expect(configuration.layouts.list).toEqual(['site', 'title']);
  });

  it('labels a field added to the schema later, and follows a label changed here', () => {
    const configuration = fresh();
    const applied: AppliedView = mergeView(configuration, view, undefined);
    // Strapi's sync adds the new field with its attribute name as label.
    configuration.metadatas.summary = {
      edit: { label: 'summary', description: '', editable: true },
      list: { label: 'summary' },
    };
    const changed = { ...view, labels: { ...view.labels, title: '文章标题', summary: '摘要' } };
    mergeView(configuration, changed, applied);
    expect(configuration.metadatas.summary.edit?.label).toBe('摘要');
    expect(configuration.metadatas.title.edit?.label).toBe('文章标题');
  });

  describe('the default order', () => {
    const sorted = { ...view, sort: { by: 'createdAt', order: 'DESC' as const } };
    /** As Strapi creates it: by the main field, A to Z. */
    const withSettings = () => {
      const configuration = fresh(['title', 'site', 'column', 'createdAt']);
      configuration.settings = {
        mainField: 'title',
        defaultSortBy: 'title',
        defaultSortOrder: 'ASC',
      };
      return configuration;
    };

    it("replaces Strapi's default, and follows a sort changed here", () => {
      const configuration = withSettings();
      const applied = mergeView(configuration, sorted, undefined);
      expect(configuration.settings).toMatchObject({
        defaultSortBy: 'createdAt',
        defaultSortOrder: 'DESC',
      });
      mergeView(configuration, { ...sorted, sort: { by: 'title', order: 'DESC' } }, applied);
      expect(configuration.settings).toMatchObject({
        defaultSortBy: 'title',
        defaultSortOrder: 'DESC',
      });
    });

    it('on a database that had the table before it set a sort', () => {
      const configuration = withSettings();
      const { sort: _sort, ...before } = mergeView(configuration, sorted, undefined);
      configuration.settings = {
        mainField: 'title',
        defaultSortBy: 'title',
        defaultSortOrder: 'ASC',
      };
      mergeView(configuration, sorted, before);
      expect(configuration.settings?.defaultSortBy).toBe('createdAt');
    });

    it("keeps an order someone chose in 'Configure the view'", () => {
      const configuration = withSettings();
      const applied = mergeView(configuration, sorted, undefined);
      configuration.settings = {
        ...configuration.settings,
        defaultSortBy: 'site',
        defaultSortOrder: 'ASC',
      };
      mergeView(configuration, sorted, applied);
      expect(configuration.settings).toMatchObject({
        defaultSortBy: 'site',
        defaultSortOrder: 'ASC',
      });
    });
  });

  it('leaves out fields the type does not have on this Strapi', () => {
    const configuration = fresh(['title']);
    const applied = mergeView(configuration, view, undefined);
    expect(configuration.layouts.list).toEqual(['title']);
    expect(applied.list).toEqual(['title']);
  });
});
