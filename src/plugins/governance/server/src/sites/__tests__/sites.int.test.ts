/**
 * The provincial admin's "站点与人员" routes: the site tree with members, user search, adding
 * and removing members, with validation and permissions.
 */
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';

let app: TestApp;
let provincial: TestAdmin;
let editor: TestAdmin;
let ids: Record<'portal' | 'xian' | 'xian-beilin', string>;

const as = (admin: TestAdmin) => asAdmin(app, admin);

beforeAll(async () => {
  app = await startApp('sites');
  ({
    sites: ids,
    staff: { provincial, editor },
  } = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal', responsiblePerson: '王建国' },
      xian: { name: '西安市', level: 'city', responsiblePerson: '李华' },
      'xian-beilin': { name: '碑林区', level: 'county', parent: 'xian' },
    },
    staff: {
      provincial: ['governance-provincial-admin', '省厅'],
      editor: ['governance-site-editor', '编辑'],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe('the site tree', () => {
  it('nests counties under their city, in level order, and flags the unnamed', async () => {
    const res = await as(provincial).get('/governance/sites').expect(200);
    const tree = res.body.data;
    expect(tree.map((s: { code: string }) => s.code)).toEqual(['portal', 'xian']);
    expect(tree[1].children.map((s: { code: string }) => s.code)).toEqual(['xian-beilin']);
    expect(tree[1].children[0].responsiblePerson).toBeNull();
  });
});

describe('members', () => {
  it('adds a member once, shows them in the tree and scopes them to the site', async () => {
    const add = () =>
      as(provincial).post(`/governance/sites/${ids['xian-beilin']}/members`, {
        userId: editor.id,
        capacity: 'editor',
      });
    const first = await add().expect(201);
    const again = await add().expect(201);
    expect(again.body.data.id).toBe(first.body.data.id);

    const tree = (await as(provincial).get('/governance/sites').expect(200)).body.data;
    const beilin = tree[1].children[0];
    expect(beilin.members).toEqual([
      expect.objectContaining({ userId: editor.id, capacity: 'editor', email: editor.email }),
    ]);

    // The editor now sees exactly that site, through Strapi's own relation picker.
    const picker = await app
      .http()
      .get('/content-manager/relations/api::article.article/site')
      .set('Authorization', `Bearer ${editor.token}`)
      .expect(200);
    expect(picker.body.results.map((s: { name: string }) => s.name)).toEqual(['碑林区']);
  });

  it('removes a member', async () => {
    const tree = (await as(provincial).get('/governance/sites').expect(200)).body.data;
    const membershipId = tree[1].children[0].members[0].membershipId;
    await as(provincial).delete(`/governance/memberships/${membershipId}`).expect(204);
    await as(provincial).delete(`/governance/memberships/${membershipId}`).expect(404);
    const picker = await app
      .http()
      .get('/content-manager/relations/api::article.article/site')
      .set('Authorization', `Bearer ${editor.token}`)
      .expect(200);
    expect(picker.body.results).toEqual([]);
  });

  it.each([
    [{ userId: 'x', capacity: 'editor' }, ERRORS.userId],
    [{ capacity: 'editor' }, ERRORS.userId],
    [{ userId: 1, capacity: 'boss' }, ERRORS.capacity],
    [{ userId: 1, capacity: 'editor', site: 'xian' }, 'this field has unspecified keys: site'],
  ])('refuses %j with a clear message', async (body, message) => {
    const res = await as(provincial)
      .post(`/governance/sites/${ids.xian}/members`, body)
      .expect(400);
    expect(res.body.error.message).toBe(message);
  });

  it('answers 404 for an unknown site or user', async () => {
    const site = await as(provincial)
      .post('/governance/sites/nosuchsite/members', { userId: editor.id, capacity: 'editor' })
      .expect(404);
    expect(site.body.error.message).toBe(ERRORS.noSuchSite('nosuchsite'));
    const user = await as(provincial)
      .post(`/governance/sites/${ids.xian}/members`, { userId: 99999, capacity: 'editor' })
      .expect(404);
    expect(user.body.error.message).toBe(ERRORS.noSuchUser(99999));
  });

  it('finds users by name or e-mail', async () => {
    const res = await as(provincial)
      .get(`/governance/sites/users?q=${encodeURIComponent('编辑')}`)
      .expect(200);
    expect(res.body.data.map((u: { id: number }) => u.id)).toEqual([editor.id]);
  });
});

describe("a site's identity", () => {
  const SITE_ROUTE = '/content-manager/collection-types/api::site.site';
  const identity = {
    siteType: 'departmentSite',
    sponsor: '西安市民政局',
    siteIdCode: '6101000012',
    icpNumber: '陕ICP备05004987号-1',
    publicSecurityNumber: '陕公网安备 61010402000123号',
  };

  it('keeps its 主办单位, type, 标识码 and filing numbers, and publishes them', async () => {
    await as(provincial).put(`${SITE_ROUTE}/${ids.xian}`, identity).expect(200);
    const published = await app
      .http()
      .get(
        `/api/sites?filters[code][$eq]=xian&${Object.keys(identity)
          .map((field, i) => `fields[${i}]=${field}`)
          .join('&')}`
      )
      .expect(200);
    expect(published.body.data[0]).toMatchObject(identity);
  });

  it.each([
    ['siteIdCode', '61010000'],
    ['siteIdCode', '6101-00001'],
    ['icpNumber', 'ICP备05004987号'],
    ['icpNumber', '陕ICP备05004987'],
    ['publicSecurityNumber', '陕公网安备 6101040200号'],
    ['siteType', 'portal'],
  ])('refuses %s %p', async (field, value) => {
    await as(provincial)
      .put(`${SITE_ROUTE}/${ids.portal}`, { [field]: value })
      .expect(400);
  });

  it('gives one 标识码 to one site only', async () => {
    await as(provincial)
      .put(`${SITE_ROUTE}/${ids.portal}`, { siteIdCode: identity.siteIdCode })
      .expect(400);
  });
});
