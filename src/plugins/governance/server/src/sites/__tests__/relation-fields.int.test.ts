/**
 * Filters, sorts and populates through a relation reach only fields the caller may read on the
 * related record. A county editor narrows their own list by their site's code or their city's
 * name, but cannot ask yes/no questions about other records: a filter such as
 * `site.parent.children.responsiblePhone[$startsWith]=1395` on their own articles would tell
 * them, digit by digit, the phone of a neighbouring county. Such queries are refused with a 400
 * naming the path, on every admin route that takes a query, and on the public content API.
 */
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { ARTICLE, CITIZEN_MESSAGE, SITE } from '../../uids';

const CM = '/content-manager/collection-types';

let app: TestApp;
let provincial: TestAdmin;
let beilinEditor: TestAdmin;
let beilinHandler: TestAdmin;
let sites: Record<'xian' | 'xian-beilin' | 'xian-yanta', string>;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const articles = (admin: TestAdmin, query: string) => as(admin).get(`${CM}/${ARTICLE}?${query}`);
const titles = (body: { results?: Array<{ title: string }> }) =>
  (body.results ?? []).map((a) => a.title);

beforeAll(async () => {
  app = await startApp('relation-fields');
  // Every site with its responsible person's phone: what the filters must not leak.
  const site = (
    name: string,
    level: 'city' | 'county',
    responsiblePhone: string,
    parent?: 'xian'
  ) => ({ name, level, responsiblePhone, responsiblePerson: '李华', parent });
  ({
    sites,
    staff: { provincial, beilinEditor, beilinHandler },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: site('西安市', 'city', '13900000001'),
      'xian-beilin': site('碑林区', 'county', '13911112222', 'xian'),
      'xian-yanta': site('雁塔区', 'county', '13955556666', 'xian'),
    },
    staff: {
      provincial: ['governance-provincial-admin', '省厅'],
      beilinEditor: ['governance-site-editor', '碑林编辑', { 'xian-beilin': 'editor' }],
      beilinHandler: ['governance-message-handler', '碑林办理员', { 'xian-beilin': 'handler' }],
    },
  }));

  // Written by the province for Beilin: its author (createdBy) is the provincial admin.
  await as(provincial)
    .post(`${CM}/${ARTICLE}`, { title: '碑林通知', site: sites['xian-beilin'] })
    .expect(201);
  await app.strapi.db.query('admin::user').update({
    where: { id: provincial.id },
    data: { resetPasswordToken: 'reset-token-of-the-province' },
  });
  await app.strapi.documents(CITIZEN_MESSAGE).create({
    data: {
      site: sites['xian-beilin'],
      category: 'consultation',
      subject: '咨询',
      body: '请问',
      name: '张三',
      queryCode: 'BEILIN01',
      receivedAt: new Date(),
    },
  });
});

afterAll(async () => {
  await app?.stop();
});

const refusal = (res: { status: number; body: { error?: { message?: string } } }, path: string) => {
  expect(res.status).toBe(400);
  expect(res.body.error?.message).toBe(ERRORS.unreadableRelationField(path));
};

/** [what the attacker asks, the query string, the path the refusal names] */
const SITE_SECRETS: Array<[string, string, string]> = [
  [
    'a neighbour’s phone, through the city’s counties',
    'filters[site][parent][children][responsiblePhone][$startsWith]=1395',
    'site.parent.children.responsiblePhone',
  ],
  [
    'the same, with a prefix that does not match',
    'filters[site][parent][children][responsiblePhone][$startsWith]=1396',
    'site.parent.children.responsiblePhone',
  ],
  [
    'the city’s phone',
    'filters[site][parent][responsiblePhone][$startsWith]=139',
    'site.parent.responsiblePhone',
  ],
  [
    'the own site’s phone, through the relation',
    'filters[site][responsiblePhone][$eq]=13911112222',
    'site.responsiblePhone',
  ],
  [
    'a list operator',
    'filters[site][parent][children][responsiblePhone][$in][0]=13955556666',
    'site.parent.children.responsiblePhone',
  ],
  [
    'inside $or',
    'filters[$or][0][title][$eq]=无&filters[$or][1][site][parent][responsiblePhone][$startsWith]=139',
    'site.parent.responsiblePhone',
  ],
  [
    'inside $and and $not',
    'filters[$and][0][$not][site][parent][responsiblePhone][$null]=true',
    'site.parent.responsiblePhone',
  ],
  [
    'an $or inside the relation',
    'filters[site][parent][$or][0][code][$eq]=无&filters[site][parent][$or][1][responsiblePhone][$contains]=0001',
    'site.parent.responsiblePhone',
  ],
  ['a sort string', 'sort=site.responsiblePhone:asc', 'site.responsiblePhone'],
  [
    'a sort list',
    'sort[0]=title:asc&sort[1]=site.parent.responsiblePhone:desc',
    'site.parent.responsiblePhone',
  ],
  [
    'a comma-separated sort',
    'sort=title:asc,site.parent.children.responsiblePhone:desc',
    'site.parent.children.responsiblePhone',
  ],
  ['a sort object', 'sort[site][parent][responsiblePhone]=asc', 'site.parent.responsiblePhone'],
];

/** The accounts behind createdBy and updatedBy: an editor may not read admin users at all. */
const ACCOUNT_SECRETS: Array<[string, string, string]> = [
  ['the author’s e-mail', 'filters[createdBy][email][$startsWith]=admin', 'createdBy.email'],
  [
    'the author’s password hash',
    'filters[createdBy][password][$startsWith]=$2',
    'createdBy.password',
  ],
  [
    'the author’s reset token',
    'filters[createdBy][resetPasswordToken][$startsWith]=reset',
    'createdBy.resetPasswordToken',
  ],
  ['the last editor’s e-mail', 'filters[updatedBy][email][$contains]=@', 'updatedBy.email'],
  ['the site’s creator', 'filters[site][createdBy][id][$notNull]=true', 'site.createdBy'],
  ['a sort by the author’s e-mail', 'sort=createdBy.email:asc', 'createdBy.email'],
];

describe('a county editor’s article list', () => {
  describe.each([...SITE_SECRETS, ...ACCOUNT_SECRETS])('asking for %s', (_what, query, path) => {
    it(`is refused with a 400 naming ${path}`, async () => {
      refusal(await articles(beilinEditor, query), path);
    });
  });

  it.each([
    ['a filter by the own site’s code', 'filters[site][code][$eq]=xian-beilin'],
    [
      'the list view’s filter by site name',
      `filters[$and][0][site][name][$eq]=${encodeURIComponent('碑林区')}`,
    ],
    ['a filter by the city’s code', 'filters[site][parent][code][$eq]=xian'],
    [
      'a filter by a neighbour’s code, through the city',
      'filters[site][parent][children][code][$eq]=xian-yanta',
    ],
    [
      'a filter by the named responsible person, public on the portal',
      `filters[site][responsiblePerson][$eq]=${encodeURIComponent('李华')}`,
    ],
    ['a sort by the site’s name', 'sort=site.name:asc'],
    ['a sort object by the city’s name', 'sort[site][parent][name]=desc'],
  ])('still answers %s', async (_what, query) => {
    const res = await articles(beilinEditor, query).expect(200);
    expect(titles(res.body)).toEqual(['碑林通知']);
  });
});

describe('the other admin routes that take a query', () => {
  const picker = `/content-manager/relations/${ARTICLE}/site`;

  it.each([
    ['a filter', 'filters[parent][responsiblePhone][$startsWith]=139', 'parent.responsiblePhone'],
    ['a sort', 'sort=children.responsiblePhone:asc', 'children.responsiblePhone'],
    ['a whole related site', 'populate[parent]=true', 'parent.responsiblePhone'],
    [
      'a related site’s fields',
      'populate[children][fields][0]=responsiblePhone',
      'children.responsiblePhone',
    ],
    [
      'a filter inside a populate',
      'populate[parent][fields][0]=name&populate[parent][filters][responsiblePhone][$startsWith]=139',
      'parent.responsiblePhone',
    ],
    [
      'a nested populate',
      'populate[parent][fields][0]=name&populate[parent][populate][children][fields][0]=responsiblePhone',
      'parent.children.responsiblePhone',
    ],
    ['a populate path', 'populate=parent.children', 'parent.responsiblePhone'],
  ])('refuses %s through the site picker', async (_what, query, path) => {
    const res = await as(beilinEditor).get(`${picker}?${query}`);
    refusal(res, path);
    expect(JSON.stringify(res.body)).not.toContain('1390000');
  });

  it('answers `populate=*` without the relations that may not be read whole', async () => {
    // A star names no field: Strapi's own screens ask with it (the media library, for a
    // folder's parents), so it is narrowed to what the caller may see rather than refused.
    const res = await as(beilinEditor).get(`${picker}?populate=*`).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('1390000');
    expect(res.body.results[0]).not.toHaveProperty('parent');
  });

  it('lets the site picker search and show what may be read', async () => {
    const searched = await as(beilinEditor)
      .get(`${picker}?_q=${encodeURIComponent('碑林')}`)
      .expect(200);
    expect(searched.body.results.map((s: { name: string }) => s.name)).toEqual(['碑林区']);
    const withCity = await as(beilinEditor)
      .get(`${picker}?populate[parent][fields][0]=name`)
      .expect(200);
    expect(withCity.body.results[0].parent).toEqual(expect.objectContaining({ name: '西安市' }));
    expect(JSON.stringify(withCity.body)).not.toContain('1390000');
  });

  it('refuses the same questions in the site list and the message list', async () => {
    refusal(
      await as(beilinEditor).get(
        `${CM}/${SITE}?filters[parent][children][responsiblePhone][$startsWith]=1395`
      ),
      'parent.children.responsiblePhone'
    );
    refusal(
      await as(beilinHandler).get(
        `${CM}/${CITIZEN_MESSAGE}?filters[site][parent][responsiblePhone][$startsWith]=139`
      ),
      'site.parent.responsiblePhone'
    );
    const own = await as(beilinHandler)
      .get(`${CM}/${CITIZEN_MESSAGE}?filters[site][code][$eq]=xian-beilin`)
      .expect(200);
    expect(own.body.results).toHaveLength(1);
  });
});

describe('the provincial admin', () => {
  it.each([
    [
      'a filter by a county’s phone through the city',
      () => 'filters[site][parent][children][responsiblePhone][$startsWith]=1395',
      ['碑林通知'],
    ],
    [
      'the same filter with a prefix that does not match',
      () => 'filters[site][parent][children][responsiblePhone][$startsWith]=1396',
      [],
    ],
    [
      'a filter by the author’s e-mail',
      () => `filters[createdBy][email][$eq]=${encodeURIComponent(provincial.email)}`,
      ['碑林通知'],
    ],
    ['a sort by the site’s phone', () => 'sort=site.responsiblePhone:asc', ['碑林通知']],
  ])('may use %s, as they read every site and every account', async (_what, query, expected) => {
    const res = await articles(provincial, query()).expect(200);
    expect(titles(res.body)).toEqual(expected);
  });

  it.each([
    ['password', 'filters[createdBy][password][$startsWith]=$2', 'createdBy.password'],
    [
      'resetPasswordToken',
      'filters[createdBy][resetPasswordToken][$startsWith]=reset',
      'createdBy.resetPasswordToken',
    ],
  ])(
    'is refused an account’s %s, which nobody reads (Strapi dropped the filter silently)',
    async (_field, query, path) => {
      refusal(await articles(provincial, query), path);
    }
  );
});

describe('the media library', () => {
  it('lists its folders with their parents for a Super Admin (its own permissions, not the Content Manager’s)', async () => {
    const superAdmin = await createAdmin(app, 'strapi-super-admin', '超管');
    const res = await as(superAdmin).get(
      '/upload/folders?sort=name:ASC&populate[parent]=true&filters[$and][0][parent][id][$null]=true'
    );
    expect(res.status).toBe(200);
  });
});

// Strapi's content API validates a query against private fields and the caller's scopes itself
// (a 400 "Invalid key"): these cases guard that it stays so.
describe('the public content API', () => {
  it.each([
    ['/api/articles?filters[site][responsiblePhone][$startsWith]=139'],
    ['/api/articles?filters[site][parent][children][responsiblePhone][$startsWith]=1395'],
    ['/api/articles?filters[$or][0][site][parent][responsiblePhone][$startsWith]=139'],
    ['/api/articles?sort=site.responsiblePhone:asc'],
    ['/api/articles?filters[createdBy][email][$startsWith]=admin'],
    ['/api/sites?filters[responsiblePhone][$startsWith]=139'],
    ['/api/sites?filters[children][responsiblePhone][$startsWith]=1395'],
  ])('refuses %s with a 400', async (url) => {
    const res = await app.http().get(url);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('1391111');
  });

  it('still filters by a site’s code, and never shows a phone', async () => {
    await app.http().get('/api/articles?filters[site][code][$eq]=xian-beilin').expect(200);
    const populated = await app
      .http()
      .get('/api/sites?populate[parent]=true&populate[children]=true')
      .expect(200);
    expect(JSON.stringify(populated.body)).toContain('西安市');
    expect(JSON.stringify(populated.body)).not.toContain('139');
  });
});
