/**
 * 超级管理员账号 over real HTTP: a provincial admin, who manages accounts, can neither make
 * anyone (itself included) a Super Admin nor change, delete, block or reset a Super Admin
 * account, on any of Strapi's account routes or the plugin's; each refusal changes nothing and
 * is on the audit trail. The province keeps managing every other account; a Super Admin does all.
 */
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ADMIN_USER, AUDIT_ENTRY } from '../../uids';

let app: TestApp;
let superAdmin: TestAdmin;
let otherSuper: TestAdmin;
let province: TestAdmin;
let editor: TestAdmin;
let roleIds: Record<'super' | 'province' | 'editor' | 'reviewer', number>;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const roleId = async (code: string) =>
  (await app.strapi.db.query('admin::role').findOne({ where: { code } })).id as number;

interface UserRow {
  id: number;
  email: string;
  firstname: string;
  password: string;
  isActive: boolean;
  blocked: boolean;
  roles: Array<{ code: string }>;
}
const userRow = (id: number) =>
  app.strapi.db.query(ADMIN_USER).findOne({
    where: { id },
    select: ['id', 'email', 'firstname', 'password', 'isActive', 'blocked'],
    populate: { roles: { select: ['code'] } },
  }) as Promise<UserRow | null>;
const codesOf = (user: UserRow | null) => user?.roles.map((r) => r.code).sort();
const refusals = () =>
  app.strapi.db
    .query(AUDIT_ENTRY)
    .count({ where: { action: 'account.refused', actorId: province.id } }) as Promise<number>;

/** A refused request: 403 with the rule's code, and one more entry on the audit trail. */
const expectRefused = async (
  request: () => PromiseLike<{
    status: number;
    body: { error?: { message?: string; details?: { code?: string } } };
  }>
) => {
  const before = await refusals();
  const res = await request();
  expect(res.status).toBe(403);
  expect(res.body.error?.details?.code).toBe('SUPER_ADMIN_ONLY');
  expect(res.body.error?.message).toContain('只有超级管理员');
  expect(await refusals()).toBe(before + 1);
};

beforeAll(async () => {
  app = await startApp('super-admins');
  superAdmin = await createAdmin(app, 'strapi-super-admin', '超管');
  otherSuper = await createAdmin(app, 'strapi-super-admin', '另一超管');
  province = await createAdmin(app, 'governance-provincial-admin', '省厅');
  editor = await createAdmin(app, 'governance-site-editor', '编辑');
  roleIds = {
    super: await roleId('strapi-super-admin'),
    province: await roleId('governance-provincial-admin'),
    editor: await roleId('governance-site-editor'),
    reviewer: await roleId('governance-reviewer'),
  };
});

afterAll(async () => {
  await app?.stop();
});

describe('a provincial admin cannot make anyone a Super Admin', () => {
  it.each([
    ['alone', () => [roleIds.super]],
    ['beside its own role', () => [roleIds.province, roleIds.super]],
    ['by an id in a string', () => [String(roleIds.super)]],
    ['by an id with a leading zero', () => [`0${roleIds.super}`]],
  ])('not itself, the Super Admin role given %s', async (_label, roles) => {
    await expectRefused(() => as(province).put(`/admin/users/${province.id}`, { roles: roles() }));
    expect(codesOf(await userRow(province.id))).toEqual(['governance-provincial-admin']);
    // The audit entry names the account by its e-mail, as a person reads it.
    const [entry] = await app.strapi.db.query(AUDIT_ENTRY).findMany({
      where: { action: 'account.refused' },
      orderBy: { seq: 'desc' },
      limit: 1,
    });
    expect(entry.subject).toBe(province.email);
  });

  it('not another account', async () => {
    await expectRefused(() =>
      as(province).put(`/admin/users/${editor.id}`, { roles: [roleIds.editor, roleIds.super] })
    );
    expect(codesOf(await userRow(editor.id))).toEqual(['governance-site-editor']);
  });

  it('not a new account', async () => {
    const email = 'new.super@test.example';
    await expectRefused(() =>
      as(province).post('/admin/users', { email, firstname: '新', roles: [roleIds.super] })
    );
    expect(await app.strapi.db.query(ADMIN_USER).count({ where: { email } })).toBe(0);
  });

  it('not through its profile, which takes no roles', async () => {
    await as(province)
      .put('/admin/users/me', { roles: [roleIds.super] })
      .expect(400);
    expect(codesOf(await userRow(province.id))).toEqual(['governance-provincial-admin']);
  });
});

describe('a provincial admin cannot touch a Super Admin account', () => {
  it.each([
    ['its e-mail', () => ({ email: 'taken.over@test.example' })],
    ['its password', () => ({ password: 'Taken-0ver-Passw0rd!' })],
    ['its activity (blocking it)', () => ({ isActive: false })],
    ['its name', () => ({ firstname: '改名' })],
    ['its roles (taking the Super Admin role away)', () => ({ roles: [roleIds.editor] })],
  ])('not %s', async (_label, body) => {
    const before = await userRow(superAdmin.id);
    await expectRefused(() => as(province).put(`/admin/users/${superAdmin.id}`, body()));
    expect(await userRow(superAdmin.id)).toEqual(before);
  });

  it('not deleting it, alone or in a batch', async () => {
    await expectRefused(() => as(province).delete(`/admin/users/${superAdmin.id}`));
    await expectRefused(() =>
      as(province).post('/admin/users/batch-delete', { ids: [editor.id, superAdmin.id] })
    );
    expect(await userRow(superAdmin.id)).not.toBeNull();
    expect(await userRow(editor.id)).not.toBeNull();
  });

  it('not unlocking, forcing a password change or naming its holder (账号安全)', async () => {
    await expectRefused(() => as(province).post(`/governance/accounts/${superAdmin.id}/unlock`));
    await expectRefused(() =>
      as(province).post(`/governance/accounts/${superAdmin.id}/force-change`)
    );
    await expectRefused(() =>
      as(province).put(`/governance/accounts/${superAdmin.id}/holder`, { holderName: '冒名' })
    );
    const state = await app.strapi.plugin('governance').service('passwords').stateOf(superAdmin.id);
    expect(state).toMatchObject({ mustChange: null, holderName: null });
  });

  it('records who tried what on whom', async () => {
    const entry = await app.strapi.db.query(AUDIT_ENTRY).findOne({
      where: {
        action: 'account.refused',
        subject: superAdmin.email,
        details: { $notNull: true },
      },
      orderBy: { seq: 'desc' },
    });
    expect(entry).toMatchObject({ actorId: province.id, subject: superAdmin.email });
    expect(entry.summary).toContain('超级管理员账号');
    expect(entry.details).toMatchObject({ superAdmins: [superAdmin.id] });
  });
});

describe('what stays allowed', () => {
  it('a provincial admin manages the other accounts: creates, changes roles, blocks and deletes', async () => {
    const created = await as(province)
      .post('/admin/users', {
        email: 'clerk@test.example',
        firstname: '办事员',
        roles: [roleIds.editor],
      })
      .expect(201);
    const id = created.body.data.id as number;
    await as(province)
      .put(`/admin/users/${id}`, { roles: [roleIds.reviewer], isActive: false })
      .expect(200);
    expect(await userRow(id)).toMatchObject({
      isActive: false,
      roles: [{ code: 'governance-reviewer' }],
    });
    await as(province)
      .put(`/admin/users/${editor.id}`, { roles: [roleIds.editor, roleIds.reviewer] })
      .expect(200);
    expect(codesOf(await userRow(editor.id))).toEqual([
      'governance-reviewer',
      'governance-site-editor',
    ]);
    await as(province).post(`/governance/accounts/${editor.id}/unlock`).expect(204);
    await as(province)
      .post('/admin/users/batch-delete', { ids: [id] })
      .expect(200);
    expect(await userRow(id)).toBeNull();
  });

  it('a Super Admin gives and takes the role and changes another Super Admin', async () => {
    await as(superAdmin)
      .put(`/admin/users/${province.id}`, { roles: [roleIds.province, roleIds.super] })
      .expect(200);
    expect(codesOf(await userRow(province.id))).toEqual([
      'governance-provincial-admin',
      'strapi-super-admin',
    ]);
    await as(superAdmin)
      .put(`/admin/users/${province.id}`, { roles: [roleIds.province] })
      .expect(200);
    await as(superAdmin)
      .put(`/admin/users/${otherSuper.id}`, { firstname: '改名', isActive: false })
      .expect(200);
    await as(superAdmin).post(`/governance/accounts/${otherSuper.id}/unlock`).expect(204);
    await as(superAdmin).delete(`/admin/users/${otherSuper.id}`).expect(200);
    expect(await userRow(otherSuper.id)).toBeNull();
  });
});
