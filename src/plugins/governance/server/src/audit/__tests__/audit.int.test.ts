/**
 * 操作日志 over real HTTP: the acts the province must be able to trace leave an entry (who,
 * what, from where); the hash chain shows a changed, removed or appended-later entry; appends
 * at the same moment keep one unbroken chain; retention removes old entries without breaking
 * it; only provincial admins read and export the log.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import { createReviewTeam, publishReviewed } from '@test-helpers/review';
import { addMember, createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { AUDIT_ENTRY } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
let xian: string;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const audit = () => app.strapi.plugin('governance').service('audit');
const actions = async () =>
  (await app.strapi.db.query(AUDIT_ENTRY).findMany({ orderBy: { seq: 'asc' } })).map(
    (e: { action: string }) => e.action
  );
const verify = async () =>
  (await as(province).post('/governance/audit/verify').expect(200)).body.data;

beforeAll(async () => {
  app = await startApp('audit');
  app.strapi.server.app.proxy = true;
  ({
    sites: { xian },
    staff: { province, editor },
  } = await createSitesAndStaff(app, {
    sites: { xian: { name: '西安市', level: 'city' } },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      editor: ['governance-site-editor', '编辑'],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe('what is recorded', () => {
  it('records logins, failures, memberships, reviews, publications, replies, transfers and reads of personal data', async () => {
    await app
      .http()
      .post('/admin/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ email: editor.email, password: 'Wrong-Passw0rd!' })
      .expect(400);
    await app
      .http()
      .post('/admin/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ email: editor.email, password: editor.password })
      .expect(200);
    const failure = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'login.failure' }, orderBy: { seq: 'desc' } });
    expect(failure).toMatchObject({
      ip: '198.51.100.7',
      subject: editor.email,
      actorName: expect.stringContaining('编辑'),
    });

    const handler = await createAdmin(app, 'governance-message-handler', '办理员');
    await addMember(app, handler, xian, 'handler');
    const team = await createReviewTeam(app);
    await publishReviewed(app, team, { title: '审计用文章', site: xian });

    const {
      stored: { id },
    } = await submitMessage(app, {
      subject: '审计用留言',
      body: '请问如何办理？',
      name: '赵六',
      phone: '13500000000',
    });
    await as(handler).get(`/governance/messages/${id}`).expect(200);
    const reply = {
      text: '您好，请携带身份证到街道办事处办理，工作日上午九点至下午五点受理。',
      unit: '西安市民政局',
    };
    await as(handler).post(`/governance/messages/${id}/reply`, reply).expect(204);

    const recorded = await actions();
    for (const action of [
      'login.failure',
      'login.success',
      'membership.add',
      'review.approve',
      'article.publish',
      'personalData.read',
      'message.reply',
      'user.roles',
      'password.changed',
    ]) {
      expect(recorded).toContain(action);
    }
    const read = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'personalData.read' } });
    expect(read).toMatchObject({ subject: `message ${id}`, actorId: handler.id });
  });
});

describe('the chain', () => {
  it('stays one unbroken chain under appends at the same moment', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit().record('account.holder', { summary: `并发写入 ${i}`, actor: 'system' })
      )
    );
    const seqs = (
      await app.strapi.db.query(AUDIT_ENTRY).findMany({ select: ['seq'], orderBy: { seq: 'asc' } })
    ).map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(await verify()).toMatchObject({
      ok: true,
      checked: seqs.length,
      firstBroken: null,
      kind: null,
    });
  });

  it('shows an entry changed afterwards, and a removed last entry', async () => {
    const knex = app.strapi.db.connection;
    const target = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'login.failure' } });
    await knex('governance_audit_entries')
      .where({ seq: target.seq })
      .update({ summary: '登录成功' });
    expect(await verify()).toMatchObject({ ok: false, firstBroken: target.seq, kind: 'changed' });
    await knex('governance_audit_entries')
      .where({ seq: target.seq })
      .update({ summary: target.summary });
    expect((await verify()).ok).toBe(true);

    const last = await knex('governance_audit_entries').orderBy('seq', 'desc').first();
    await knex('governance_audit_entries').where({ seq: last.seq }).delete();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: last.seq, kind: 'truncated' });
    await knex('governance_audit_entries').insert(last);
    expect((await verify()).ok).toBe(true);
  });

  it('removes entries past the retention period and keeps the rest verifiable, checkpoints older than the purge included', async () => {
    const knex = app.strapi.db.connection;
    await audit().checkpoint({
      seq: 2,
      hash: (await app.strapi.db.query(AUDIT_ENTRY).findOne({ where: { seq: 2 } })).hash,
    });
    await audit().checkpoint();
    const old = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findMany({ orderBy: { seq: 'asc' }, limit: 3 });
    // The first three entries a year old (their own hashes no longer match: they are about to go).
    for (const entry of old)
      await knex('governance_audit_entries')
        .where({ seq: entry.seq })
        .update({ at: new Date(Date.now() - 365 * 86_400_000) });
    const removed = await audit().purge();
    expect(removed).toBe(3);
    const remaining = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findMany({ select: ['seq'], orderBy: { seq: 'asc' }, limit: 1 });
    expect(remaining[0].seq).toBe(4);
    // The empty chain's at the first boot, entry 2's and the head's.
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { valid: 3, bad: 0 } });
    const purge = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'audit.purge' } });
    expect(purge.details).toMatchObject({
      removed: 3,
      anchorSeq: 3,
      anchorHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe('reading the log', () => {
  it('filters, pages and exports for provincial admins only', async () => {
    const page = (await as(province).get('/governance/audit?action=login.success').expect(200))
      .body;
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((e: { action: string }) => e.action === 'login.success')).toBe(true);
    // Each entry named and worded for a reader: no code, no "user 6".
    expect(page.data).toContainEqual(
      expect.objectContaining({
        actionName: '登录成功',
        actor: expect.stringMatching(/编辑 \d+（站点编辑）$/),
        sentence: expect.stringMatching(/编辑 \d+（站点编辑）登录$/),
      })
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await as(province).get(`/governance/audit?from=2000-01-01&to=2000-01-02`).expect(200)).body
        .data
    ).toEqual([]);
    expect(
      (await as(province).get(`/governance/audit?from=${today}&actor=编辑`).expect(200)).body.data
        .length
    ).toBeGreaterThan(0);
    await as(province).get('/governance/audit?action=drop.table').expect(400);
    await as(province).get('/governance/audit?from=yesterday').expect(400);

    const csv = await as(province)
      .download('/governance/audit/export?action=login.success&format=csv', 'utf8')
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').split('\n');
    expect(lines.slice(0, 2)).toEqual(['操作日志', '筛选条件：操作类型：登录成功']);
    expect(lines[3]).toBe('序号,时间（北京时间）,操作,操作人,记录,IP 地址,校验码');
    expect(csv.body).toContain('登录成功');

    await as(editor).get('/governance/audit').expect(403);
    await as(editor).get('/governance/audit/export').expect(403);
    await as(editor).post('/governance/audit/verify').expect(403);
  });
});
