/**
 * The group's roles: created once with least privilege, and completed (never trimmed) when a
 * new version of the definitions grants more.
 */
import { startApp, type TestApp } from '@test-helpers/strapi';
import { ensureRoles } from '../roles';

let app: TestApp;

const permissionsOf = async (code: string) => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  const rows = await app.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: role.id } }, select: ['action', 'subject', 'conditions'] });
  return rows.map((p: { action: string; subject: string | null; conditions: string[] }) => ({
    ...p,
    conditions: p.conditions ?? [],
  }));
};

beforeAll(async () => {
  app = await startApp('roles');
});

afterAll(async () => {
  await app?.stop();
});

describe("the group's roles", () => {
  it.each([
    'governance-provincial-admin',
    'governance-site-editor',
    'governance-reviewer',
    'governance-approver',
    'governance-message-handler',
  ])('creates %s', async (code) => {
    expect(await app.strapi.db.query('admin::role').count({ where: { code } })).toBe(1);
  });

  it('binds every content permission of the site-bound roles to the own-site condition', async () => {
    // Review actions have no subject: the review service limits them to the user's sites.
    for (const code of [
      'governance-site-editor',
      'governance-reviewer',
      'governance-approver',
      'governance-message-handler',
    ]) {
      const permissions = (await permissionsOf(code)).filter((p) => p.subject);
      expect(permissions.length).toBeGreaterThan(0);
      expect(
        permissions.filter((p) => !p.conditions.includes('plugin::governance.own-site'))
      ).toEqual([]);
    }
  });

  it('gives the site-bound roles their site work only, never the overview, site, word-list, extension, account, ranking or group oversight', async () => {
    const governance = async (code: string) =>
      (await permissionsOf(code))
        .map((p) => p.action)
        .filter((a) => a.startsWith('plugin::governance.') || a.startsWith('admin::'))
        .sort();
    expect(await governance('governance-site-editor')).toEqual([
      // Their own sites' annual report forms.
      'plugin::governance.annual-reports.fill',
      'plugin::governance.messages.handle',
      // Their own sites' standing against the veto rules, and their rectification tasks.
      'plugin::governance.oversight.own',
      // Their own site's place, when the province allows it.
      'plugin::governance.rankings.own',
      'plugin::governance.review.read',
      'plugin::governance.review.submit',
      // 信息报送: the service limits both to the sites they edit.
      'plugin::governance.submissions.receive',
      'plugin::governance.submissions.submit',
    ]);
    expect(await governance('governance-reviewer')).toEqual([
      'plugin::governance.review.decide',
      'plugin::governance.review.read',
    ]);
    // Approvers include each site's leader (第一责任人): they see its standing and report its rectifications.
    expect(await governance('governance-approver')).toEqual([
      // The leader signs the site's annual report form (单位负责人).
      'plugin::governance.annual-reports.fill',
      'plugin::governance.oversight.own',
      'plugin::governance.review.decide',
      'plugin::governance.review.read',
    ]);
    expect(await governance('governance-message-handler')).toEqual([
      'plugin::governance.messages.handle',
    ]);
  });

  it('gives a reviewer read access to articles, their files and review decisions only', async () => {
    const actions = (await permissionsOf('governance-reviewer'))
      .map((p) => `${p.action} ${p.subject}`)
      .sort();
    expect(actions).toEqual([
      'plugin::content-manager.explorer.read api::article.article',
      'plugin::content-manager.explorer.read api::site.site',
      'plugin::governance.review.decide null',
      'plugin::governance.review.read null',
      'plugin::upload.assets.download null',
      'plugin::upload.read null',
      'plugin::upload.settings.read null',
    ]);
  });

  it("binds the site-bound roles' media library work to the own-site condition", async () => {
    for (const code of ['governance-site-editor', 'governance-reviewer', 'governance-approver']) {
      const media = (await permissionsOf(code)).filter((p) =>
        p.action.startsWith('plugin::upload.')
      );
      expect(media.map((p) => p.action)).toContain('plugin::upload.read');
      expect(media.filter((p) => !p.conditions.includes('plugin::governance.own-site'))).toEqual(
        []
      );
    }
    const handler = await permissionsOf('governance-message-handler');
    expect(handler.filter((p) => p.action.startsWith('plugin::upload.'))).toEqual([]);
  });

  it('restores a missing permission on a version change and keeps what the province added', async () => {
    const role = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'governance-site-editor' } });
    const deleteAction = 'plugin::content-manager.explorer.delete';
    await app.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { role: { id: role.id }, action: deleteAction } });
    await app.strapi
      .service('admin::role')
      .addPermissions(role.id, [{ action: 'admin::marketplace.read', subject: null }]);

    // Same version: nothing changes.
    await ensureRoles(app.strapi);
    expect((await permissionsOf('governance-site-editor')).map((p) => p.action)).not.toContain(
      deleteAction
    );

    // An older stored version: the missing permission comes back, the added one stays.
    await app.strapi
      .store({ type: 'plugin', name: 'governance', key: 'roles' })
      .set({ value: { version: 0 } });
    await ensureRoles(app.strapi);
    const actions = (await permissionsOf('governance-site-editor')).map((p) => p.action);
    expect(actions).toContain(deleteAction);
    expect(actions).toContain('admin::marketplace.read');
    expect(actions.filter((a) => a === deleteAction)).toHaveLength(1);
  });

  it("names every role in Chinese, Strapi's own too, and keeps what the province wrote", async () => {
    const roles = () =>
      app.strapi.db
        .query('admin::role')
        .findMany({ select: ['code', 'name', 'description'] }) as Promise<
        Array<{ code: string; name: string; description: string }>
      >;
    for (const role of await roles())
      expect(`${role.name} ${role.description}`).not.toMatch(/[A-Za-z]{4,}/);
    expect((await roles()).find((r) => r.code === 'strapi-super-admin')?.name).toBe('超级管理员');

    // An installation from before: English names and glosses; one description the province rewrote.
    const update = (code: string, data: object) =>
      app.strapi.db.query('admin::role').update({ where: { code }, data });
    await update('strapi-super-admin', {
      name: 'Super Admin',
      description: 'Super Admins can access and manage all features and settings.',
    });
    await update('governance-reviewer', { description: '审核员 (reviewer): checks the articles' });
    await update('governance-approver', { description: '省厅定的说明' });
    await app.strapi
      .store({ type: 'plugin', name: 'governance', key: 'roles' })
      .set({ value: { version: 0 } });
    await ensureRoles(app.strapi);
    const byCode = new Map((await roles()).map((r) => [r.code, r]));
    expect(byCode.get('strapi-super-admin')).toMatchObject({
      name: '超级管理员',
      description: '可访问并管理全部功能和设置',
    });
    expect(byCode.get('governance-reviewer')?.description).toBe(
      '对所属站点的文章在发布前进行保密审查'
    );
    expect(byCode.get('governance-approver')?.description).toBe('省厅定的说明');
  });
});
