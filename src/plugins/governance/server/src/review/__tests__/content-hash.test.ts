import articleSchema from '../../../../../../api/article/content-types/article/schema.json';
import attachmentSchema from '../../../../../../components/article/attachment.json';
import {
  contentHash,
  NOT_REVIEWED,
  reviewedAttributes,
  type HashedAttribute,
  type HashedSchema,
} from '../content-hash';

const schema = articleSchema as HashedSchema;
const SEO: HashedSchema = {
  attributes: { metaTitle: { type: 'string' }, image: { type: 'media' } },
};
const COMPONENTS: Record<string, HashedSchema> = {
  'shared.seo': SEO,
  'article.attachment': attachmentSchema as HashedSchema,
};
const components = (uid: string) => {
  if (!COMPONENTS[uid]) throw new Error(`no component ${uid}`);
  return COMPONENTS[uid];
};
const hash = (entry: object, over: HashedSchema = schema) => contentHash(over, entry, components);

const article = {
  title: '西安市召开低保工作会议',
  slug: 'xian-dibao-2014',
  summary: '会议部署了2014年工作',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }],
  column: '工作动态',
  isSpecialTopic: false,
  site: { documentId: 'site-xian' },
  sourceSiteName: null,
  sourceSiteCode: null,
  sourceArticleDocumentId: null,
};

/** A value different from `value` for an attribute of this type: every type the schema uses must be listed. */
const CHANGES: Record<string, (value: unknown, attribute: HashedAttribute) => unknown> = {
  string: (value) => `${value ?? ''}改`,
  text: (value) => `${value ?? ''}改`,
  // The 栏目 field: a custom field whose value is a column's name.
  customField: (value) => `${value ?? ''}改`,
  uid: (value) => `${value ?? 'x'}-2`,
  blocks: () => [{ type: 'paragraph', children: [{ type: 'text', text: '改过的正文' }] }],
  boolean: (value) => !value,
  relation: (_value, attribute) =>
    /many$/i.test(attribute.relation ?? '') ? [{ documentId: 'other' }] : { documentId: 'other' },
  media: () => ({ id: 99, updatedAt: '2026-12-04T00:00:00.000Z' }),
  // An article's attachments: one more, named, with its file.
  component: () => [{ name: '申请表', file: { id: 7, updatedAt: '2026-12-04T00:00:00.000Z' } }],
  integer: (value) => Number(value ?? 0) + 1,
  datetime: () => '2026-12-04T00:00:00.000Z',
  enumeration: () => 'other',
  json: () => ({ changed: true }),
};

describe('contentHash', () => {
  it('is the same for the same content, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(article).reverse());
    expect(hash(reordered)).toBe(hash(article));
  });

  it('reads a relation given as a documentId like one given as a row', () => {
    expect(hash({ ...article, site: 'site-xian' })).toBe(hash(article));
  });

  it.each([...NOT_REVIEWED, 'sourceSubmitterName'])(
    'ignores %s (bookkeeping, or private)',
    (field) => {
      expect(hash({ ...article, [field]: 'changed' })).toBe(hash(article));
    }
  );

  it('treats missing and empty optional values alike', () => {
    expect(hash({ ...article, summary: '' })).toBe(hash({ ...article, summary: undefined }));
    expect(hash({ ...article, isSpecialTopic: null })).toBe(hash(article));
  });

  // Table-driven over the article schema itself: a field added later is checked here unchanged.
  const reviewed = reviewedAttributes(schema);
  it('reviews the published fields of the article, the slug among them', () => {
    expect(reviewed.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'title',
        'slug',
        'summary',
        'body',
        'site',
        'column',
        'isSpecialTopic',
      ])
    );
  });

  it.each(reviewed)('changes when %s changes', (name, attribute) => {
    const change = CHANGES[attribute.type];
    expect(change).toBeDefined();
    const changed = {
      ...article,
      [name]: change(article[name as keyof typeof article], attribute),
    };
    expect(hash(changed)).not.toBe(hash(article));
  });

  it('covers components and files inside them', () => {
    const withSeo: HashedSchema = {
      attributes: { ...schema.attributes, seo: { type: 'component', component: 'shared.seo' } },
    };
    const seo = {
      id: 1,
      metaTitle: '低保',
      image: { id: 7, updatedAt: '2026-01-01T00:00:00.000Z' },
    };
    const base = hash({ ...article, seo }, withSeo);
    expect(hash({ ...article, seo: { ...seo, id: 2 } }, withSeo)).toBe(base);
    expect(hash({ ...article, seo: { ...seo, metaTitle: '低保工作' } }, withSeo)).not.toBe(base);
    expect(
      hash(
        { ...article, seo: { ...seo, image: { id: 7, updatedAt: '2026-02-01T00:00:00.000Z' } } },
        withSeo
      )
    ).not.toBe(base);
  });
});
