/**
 * The Content Manager's view settings on a real Strapi: a fresh database gets Chinese labels and
 * the chosen columns at its first boot; a label someone changes in "Configure the view" stays at
 * the next boot; a field the schema gets later is labelled at the boot that adds it. A citizen
 * message's own status reaches the list and the edit view beside Strapi's document status.
 *
 * "The next boot" is what Strapi does at each start: the content manager's sync of the stored
 * configuration with the schema (its bootstrap), then the application's bootstrap step.
 */
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { applyContentManagerViews } from '../../src/content-manager-views';

const ARTICLE = 'api::article.article';
const MESSAGE = 'api::citizen-message.citizen-message';
const SITE = 'api::site.site';
const CONFIGURATION = `/content-manager/content-types/${MESSAGE}/configuration`;

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

let app: TestApp;
let superAdmin: TestAdmin;
let handler: TestAdmin;

const contentTypes = () => app.strapi.plugin('content-manager').service('content-types');
const configurationOf = async (uid: string): Promise<Configuration> =>
  contentTypes().findConfiguration({ uid });
const nextBoot = async () => {
  await contentTypes().syncConfigurations();
  await applyContentManagerViews(app.strapi);
};
const editFields = (configuration: Configuration) =>
  configuration.layouts.edit.flat().map((field) => field.name);

beforeAll(async () => {
  app = await startApp('content-manager-views');
  const xian = await app.strapi
    .documents(SITE)
    .create({ data: { code: 'xian', name: '西安市', level: 'city', active: true } });
  superAdmin = await createAdmin(app, 'strapi-super-admin', '超级管理员');
  handler = await createAdmin(app, 'governance-message-handler', '西安办理员');
  await app.strapi
    .plugin('governance')
    .service('sites')
    .addMember(
      { userId: handler.id, siteDocumentId: xian.documentId, capacity: 'handler' },
      { actor: 'system' }
    );
});

afterAll(async () => {
  await app?.stop();
});

it('labels the fields in Chinese and lists the chosen columns on a fresh database', async () => {
  const message = await configurationOf(MESSAGE);
  expect(message.metadatas.replyingUnit.edit.label).toBe('答复单位');
  expect(message.metadatas.replyingUnit.list.label).toBe('答复单位');
  expect(message.metadatas.createdAt.list.label).toBe('创建时间');
  expect(message.layouts.list).toEqual([
    'caseNumber',
    'subject',
    'site',
    'category',
    'status',
    'receivedAt',
    'dueAt',
  ]);
  expect(message.metadatas.subject.edit.editable).toBe(false);
  expect(message.metadatas.isPublic.edit.editable).toBe(true);
  expect(editFields(message)).not.toContain('status');
  expect(editFields(message)).not.toContain('revision');

  const site = await configurationOf(SITE);
  expect(site.metadatas.level.edit.label).toBe('级别');
  expect(site.layouts.list).toEqual(['name', 'code', 'level', 'parent', 'responsiblePerson']);

  // Articles newest first, not by title.
  const article = await configurationOf(ARTICLE);
  expect(article.settings).toMatchObject({ defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' });
});

it("keeps a label someone changed in 'Configure the view' at the next boot", async () => {
  const admin = asAdmin(app, superAdmin);
  const { settings, metadatas, layouts } = (await admin.get(CONFIGURATION).expect(200)).body.data
    .contentType as Configuration;
  metadatas.replyingUnit.edit.label = '承办单位';
  metadatas.replyingUnit.list.label = '承办单位';
  // As the admin's settings page sends them: without the relation's main field the GET adds.
  for (const meta of Object.values(metadatas)) delete meta.list.mainField;
  await admin.put(CONFIGURATION, { settings, metadatas, layouts }).expect(200);

  await nextBoot();
  const message = await configurationOf(MESSAGE);
  expect(message.metadatas.replyingUnit.edit.label).toBe('承办单位');
  expect(message.metadatas.replyingUnit.list.label).toBe('承办单位');
  expect(message.metadatas.dueAt.edit.label).toBe('答复期限');
});

it('labels a field the schema gets later, at the boot that adds it', async () => {
  // As the stored configuration looked before the schema had `workingDaysToReply`.
  const before = await configurationOf(MESSAGE);
  delete before.metadatas.workingDaysToReply;
  before.layouts.edit = before.layouts.edit
    .map((row) => row.filter((field) => field.name !== 'workingDaysToReply'))
    .filter((row) => row.length > 0);
  await contentTypes().updateConfiguration({ uid: MESSAGE }, before);
  // The boot with that schema (no sync: the schema here has the field).
  await applyContentManagerViews(app.strapi);

  await nextBoot();
  const message = await configurationOf(MESSAGE);
  expect(message.metadatas.workingDaysToReply.edit.label).toBe('答复用时（工作日）');
  expect(message.metadatas.workingDaysToReply.edit.editable).toBe(false);
  expect(editFields(message)).toContain('workingDaysToReply');
  // What was changed by hand before is still the province's.
  expect(message.metadatas.replyingUnit.edit.label).toBe('承办单位');
});

it("hands a message's own status to the Content Manager's list and edit view", async () => {
  const submitted = await app
    .http()
    .post('/api/citizen-messages')
    .send({
      site: 'xian',
      category: 'complaint',
      subject: '小区旁施工噪音扰民',
      body: '夜间施工噪音很大，请相关部门处理。',
      name: '李华',
      phone: '13900000000',
      startedAt: Date.now() - 20_000,
    })
    .expect(201);
  const { documentId } = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { queryCode: submitted.body.data.queryCode } });

  const admin = asAdmin(app, handler);
  const list = await admin.get(`/content-manager/collection-types/${MESSAGE}`).expect(200);
  expect(list.body.results).toEqual([
    expect.objectContaining({ documentId, category: 'complaint', handlingStatus: 'received' }),
  ]);
  const one = await admin.get(`/content-manager/collection-types/${MESSAGE}/${documentId}`);
  expect(one.status).toBe(200);
  expect(one.body.meta.handlingStatus).toBe('received');
  // Not in the form's data: the edit form sends its data back, and Strapi takes a `status`
  // there for the document status.
  expect(one.body.data.handlingStatus).toBeUndefined();

  // Saving 公开 from the edit view still works.
  await admin
    .put(`/content-manager/collection-types/${MESSAGE}/${documentId}`, { isPublic: true })
    .expect(200);
});
