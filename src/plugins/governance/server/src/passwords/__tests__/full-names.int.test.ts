/**
 * 姓名 as one field: a Chinese name is kept whole in `firstname` (王建国) however the account is
 * written, accounts stored split are joined at start-up, and other names are left alone.
 */
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ADMIN_USER } from '../../uids';
import { personName } from '../../utils/person-name';
import { joinStoredChineseNames } from '../full-names';

let app: TestApp;
let superAdmin: TestAdmin;

const stored = (email: string) =>
  app.strapi.db
    .query(ADMIN_USER)
    .findOne({ where: { email }, select: ['firstname', 'lastname'] }) as Promise<{
    firstname: string | null;
    lastname: string | null;
  }>;

const editorRole = async () =>
  (await app.strapi.service('admin::role').findOne({ code: 'governance-site-editor' })).id;

beforeAll(async () => {
  app = await startApp('full-names');
  superAdmin = await createAdmin(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('a Chinese name given in two parts', () => {
  it('is stored whole when an account is created in Settings → Users', async () => {
    await asAdmin(app, superAdmin)
      .post('/admin/users', {
        firstname: '建国',
        lastname: '王',
        email: 'wang.jianguo@test.example',
        roles: [await editorRole()],
      })
      .expect(201);
    expect(await stored('wang.jianguo@test.example')).toEqual({
      firstname: '王建国',
      lastname: null,
    });
  });

  it('is stored whole when its holder changes it on the profile page', async () => {
    const holder = await createAdmin(app, 'governance-site-editor', '丽');
    await asAdmin(app, holder)
      .put('/admin/users/me', { firstname: '丽', lastname: '周' })
      .expect(200);
    const me = await asAdmin(app, holder).get('/admin/users/me').expect(200);
    expect(me.body.data).toMatchObject({ firstname: '周丽', lastname: null });
  });

  it('is not doubled when the whole name is already in 姓名', async () => {
    await app.strapi.service('admin::user').create({
      firstname: '欧阳修文',
      lastname: '欧阳',
      email: 'ouyang@test.example',
      roles: [await editorRole()],
    });
    expect(await stored('ouyang@test.example')).toEqual({ firstname: '欧阳修文', lastname: null });
  });
});

describe('other names', () => {
  it('are left as they are', async () => {
    await app.strapi.service('admin::user').create({
      firstname: 'John',
      lastname: 'Smith',
      email: 'john.smith@test.example',
      roles: [await editorRole()],
    });
    expect(await stored('john.smith@test.example')).toEqual({
      firstname: 'John',
      lastname: 'Smith',
    });
    expect(personName({ firstname: 'John', lastname: 'Smith' })).toBe('John Smith');
  });
});

describe('accounts stored split before', () => {
  it('are joined once at start-up, and a second start changes nothing', async () => {
    // Written past the lifecycle, as an older version stored them.
    const users = app.strapi.db.connection(app.strapi.db.metadata.get(ADMIN_USER).tableName);
    await users
      .where({ email: 'wang.jianguo@test.example' })
      .update({ firstname: '建国', lastname: '王' });
    expect(personName(await stored('wang.jianguo@test.example'))).toBe('王建国');

    expect(await joinStoredChineseNames(app.strapi)).toBe(1);
    expect(await stored('wang.jianguo@test.example')).toEqual({
      firstname: '王建国',
      lastname: null,
    });
    expect(await stored('john.smith@test.example')).toMatchObject({ lastname: 'Smith' });
    expect(await joinStoredChineseNames(app.strapi)).toBe(0);
  });
});
