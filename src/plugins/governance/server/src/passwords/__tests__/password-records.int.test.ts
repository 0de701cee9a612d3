/**
 * The password records over real HTTP: no Content Manager route serves the plugin's internal
 * records, password hashes least of all, to anyone, the Super Admin included; and an account's
 * password state and reminders go when the account goes, whichever way it is deleted.
 */
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { PASSWORD_REMINDER, PASSWORD_STATE } from '../../uids';

const CM = '/content-manager';

let app: TestApp;
let superAdmin: TestAdmin;
let editor: TestAdmin;
let stateDocumentId: string;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const BCRYPT = /\$2[aby]\$/;

/** An account as the province creates one, with a password (so a hash in its history) and a reminder. */
const account = async (label: string) => {
  const role = await app.strapi.service('admin::role').findOne({ code: 'governance-site-editor' });
  const user = await app.strapi.service('admin::user').create({
    firstname: label,
    email: `${label}@test.example`,
    password: 'Test-Passw0rd!',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  await app.strapi.db.query(PASSWORD_REMINDER).create({
    data: { key: `${user.id}-test`, userId: user.id, threshold: 7, sentAt: new Date() },
  });
  expect(await left(user.id)).toEqual({ states: 1, reminders: 1 });
  return user.id as number;
};
const left = async (userId: number) => ({
  states: await app.strapi.db.query(PASSWORD_STATE).count({ where: { userId } }),
  reminders: await app.strapi.db.query(PASSWORD_REMINDER).count({ where: { userId } }),
});

beforeAll(async () => {
  app = await startApp('password-records');
  superAdmin = await createAdmin(app);
  editor = await createAdmin(app, 'governance-site-editor', '编辑');
  const state = await app.strapi.db.query(PASSWORD_STATE).findOne({ where: { userId: editor.id } });
  expect(JSON.stringify(state.history)).toMatch(BCRYPT);
  stateDocumentId = state.documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('the Content Manager serves no internal record, not even to the Super Admin', () => {
  it.each([
    ['the list', () => `GET ${CM}/collection-types/${PASSWORD_STATE}`],
    [
      'the list, filtered on the history',
      () => `GET ${CM}/collection-types/${PASSWORD_STATE}?filters[history][$containsi]=$2a`,
    ],
    ['one record', () => `GET ${CM}/collection-types/${PASSWORD_STATE}/${stateDocumentId}`],
    ['as a single type', () => `GET ${CM}/single-types/${PASSWORD_STATE}`],
    [
      'its draft relations',
      () =>
        `GET ${CM}/collection-types/${PASSWORD_STATE}/${stateDocumentId}/actions/countDraftRelations`,
    ],
    [
      'bulk validation',
      () =>
        `GET ${CM}/collection-types/${PASSWORD_STATE}/actions/bulkFindForValidation?documentIds[0]=${stateDocumentId}`,
    ],
    [
      'its history versions',
      () =>
        `GET ${CM}/history-versions?contentType=${PASSWORD_STATE}&documentId=${stateDocumentId}`,
    ],
    [
      'a relation picker of an internal record',
      () => `GET ${CM}/relations/plugin::governance.site-membership/user`,
    ],
    ['a reminder', () => `GET ${CM}/collection-types/${PASSWORD_REMINDER}`],
    ['the audit trail', () => `GET ${CM}/collection-types/plugin::governance.audit-entry`],
    ['the site memberships', () => `GET ${CM}/collection-types/plugin::governance.site-membership`],
    ['a creation', () => `POST ${CM}/collection-types/${PASSWORD_STATE}`],
    ['a change', () => `PUT ${CM}/collection-types/${PASSWORD_STATE}/${stateDocumentId}`],
    ['a deletion', () => `DELETE ${CM}/collection-types/${PASSWORD_STATE}/${stateDocumentId}`],
  ])('%s', async (_label, route) => {
    const [method, url] = route().split(' ');
    const request = as(superAdmin);
    const res =
      method === 'GET'
        ? await request.get(url)
        : method === 'POST'
          ? await request.post(url, { userId: editor.id })
          : method === 'PUT'
            ? await request.put(url, { failedLogins: 0 })
            : await request.delete(url);
    expect([403, 404]).toContain(res.status);
    expect(res.text).not.toMatch(BCRYPT);
    expect(res.text).not.toContain('"history"');
  });

  it('lists none of them among the recent documents of the home page', async () => {
    for (const action of ['update', 'publish']) {
      const res = await as(superAdmin)
        .get(`${CM}/homepage/recent-documents?action=${action}`)
        .expect(200);
      expect(res.text).not.toMatch(BCRYPT);
      expect(res.text).not.toContain('plugin::governance.');
    }
  });

  it('holds no role any Content Manager permission on them', async () => {
    const held = await app.strapi.db
      .query('admin::permission')
      .count({ where: { subject: { $startsWith: 'plugin::governance.' } } });
    expect(held).toBe(0);
    const own = await as(superAdmin).get('/admin/users/me/permissions').expect(200);
    expect(own.text).not.toContain('plugin::governance.password-state');
  });

  it('leaves the records with the plugin: its own view keeps working', async () => {
    await as(superAdmin).get('/governance/accounts').expect(200);
    expect(
      (await app.strapi.db.query(PASSWORD_STATE).findOne({ where: { userId: editor.id } })).history
    ).toHaveLength(1);
  });
});

describe("an account's password state and reminders go with it", () => {
  it('deleted by DELETE /admin/users/:id', async () => {
    const id = await account('gone-one');
    await as(superAdmin).delete(`/admin/users/${id}`).expect(200);
    expect(await left(id)).toEqual({ states: 0, reminders: 0 });
  });

  it('deleted in a batch', async () => {
    const ids = [await account('gone-two'), await account('gone-three')];
    await as(superAdmin).post('/admin/users/batch-delete', { ids }).expect(200);
    for (const id of ids) expect(await left(id)).toEqual({ states: 0, reminders: 0 });
  });

  it('deleted by a script through the database layer, one or many at once', async () => {
    const one = await account('gone-four');
    await app.strapi.db.query('admin::user').delete({ where: { id: one } });
    const many = [await account('gone-five'), await account('gone-six')];
    await app.strapi.db.query('admin::user').deleteMany({ where: { id: { $in: many } } });
    for (const id of [one, ...many]) expect(await left(id)).toEqual({ states: 0, reminders: 0 });
  });

  it("keeps everyone else's", async () => {
    expect(await left(editor.id)).toEqual({ states: 1, reminders: 0 });
  });
});
