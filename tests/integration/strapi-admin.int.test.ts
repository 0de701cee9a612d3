/**
 * Strapi's own admin, as the office receives it: no content-API key nobody asked for, and no
 * failed request for an AI that is off.
 */
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { removeStrapiDefaultTokens } from '../../src/default-api-tokens';

let app: TestApp;
let editor: TestAdmin;

beforeAll(async () => {
  app = await startApp('admin-panel');
  editor = await createAdmin(app, 'governance-site-editor', '编辑');
});

afterAll(async () => {
  await app?.stop();
});

const tokenNames = async () =>
  (
    (await app.strapi.db.query('admin::api-token').findMany({ select: ['name'] })) as Array<{
      name: string;
    }>
  ).map((token) => token.name);

it("removes Strapi's unused default API tokens from a fresh installation", async () => {
  expect(await tokenNames()).not.toEqual(expect.arrayContaining(['Full Access']));
  expect(await tokenNames()).not.toEqual(expect.arrayContaining(['Read Only']));
});

it('keeps a default token in use, and every token someone made', async () => {
  const tokens = app.strapi.service('admin::api-token-content-api');
  const ours = await tokens.create({
    name: '门户网站前台',
    description: '',
    type: 'read-only',
    lifespan: null,
  });
  const used = await tokens.create({
    name: 'Full Access',
    description:
      'A default API token with full access permissions, used for accessing or modifying resources',
    type: 'full-access',
    lifespan: null,
  });
  await app.strapi.db
    .query('admin::api-token')
    .update({ where: { id: used.id }, data: { lastUsedAt: new Date() } });
  expect(await removeStrapiDefaultTokens(app.strapi)).toBe(0);
  expect(await tokenNames()).toEqual(expect.arrayContaining(['门户网站前台', 'Full Access']));
  await tokens.revoke(ours.id);
  await tokens.revoke(used.id);
});

it("answers the admin's questions about Strapi AI, which is off, without a 404", async () => {
  expect(app.strapi.config.get('admin.ai.enabled')).toBe(false);
  const res = await asAdmin(app, editor).get('/admin/ai-feature-config').expect(200);
  expect(res.body.data).toEqual({ isAiI18nConfigured: false, isAiMediaLibraryConfigured: false });
  // Behind Strapi's own authentication, as the routes they answer for.
  await app.http().get('/admin/ai-feature-config').expect(401);
  // The Content-Type Builder's chat token: none.
  expect((await asAdmin(app, editor).get('/admin/ai-token').expect(200)).body).toEqual({
    data: null,
  });
});
