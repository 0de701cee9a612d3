/**
 * 留言办理's desk over the admin routes: every page of the inbox, its filters (and their
 * refusal in Chinese), working days left and overdue, the extension queue, 批量签收 message by
 * message, the Excel export, the menu badge, and the 公开 choice in the case.
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { InboxItem } from '../../../../shared/contracts/messages';
import { endOfWorkday, workingDaysBetween } from '../deadlines';
import { ERRORS } from '../messages';
import { AUDIT_ENTRY, CITIZEN_MESSAGE } from '../../uids';

const ZONE = 'Asia/Shanghai';
const DAY = 24 * 3600_000;

let app: TestApp;
let province: TestAdmin;
let xianHandler: TestAdmin;
let baojiHandler: TestAdmin;
let siteIds: Record<'xian' | 'baoji', number>;
let serial = 0;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const calendar = () => app.strapi.plugin('governance').service('calendar').current();

/** A stored message, written as the public form leaves it (the form is tested elsewhere). */
const stored = async (
  site: 'xian' | 'baoji',
  data: {
    subject?: string;
    category?: string;
    status?: string;
    receivedAt?: Date;
    dueAt?: Date;
  } = {}
): Promise<number> => {
  serial += 1;
  const receivedAt = data.receivedAt ?? new Date(Date.now() - serial * 60_000);
  const row = await app.strapi.db.query(CITIZEN_MESSAGE).create({
    data: {
      site: siteIds[site],
      category: data.category ?? 'consultation',
      subject: data.subject ?? `留言${serial}`,
      body: '请问临时救助怎么申请？',
      name: '张三丰',
      phone: '13900001111',
      email: 'zhang@example.com',
      queryCode: `TESTCODE${String(serial).padStart(4, '0')}`,
      caseNumber: `2026-${String(serial).padStart(6, '0')}`,
      status: data.status ?? 'received',
      receivedAt,
      dueAt: data.dueAt ?? endOfWorkday(calendar(), new Date(), 5, ZONE),
      revision: 0,
    },
  });
  return row.id;
};

const inbox = async (who: TestAdmin, query: string) =>
  (await as(who).get(`/governance/messages?${query}`).expect(200)).body;

const ids = (rows: InboxItem[]) => rows.map((row) => row.id);

const toSign: number[] = [];

beforeAll(async () => {
  app = await startApp('desk');
  ({
    siteIds,
    staff: { province, xianHandler, baojiHandler },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市民政局', level: 'city' },
      baoji: { name: '宝鸡市民政局', level: 'city' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      xianHandler: ['governance-message-handler', '西安办理员', { xian: 'handler' }],
      baojiHandler: ['governance-message-handler', '宝鸡办理员', { baoji: 'handler' }],
    },
  }));
  // 23 to sign at 西安: more than a page.
  for (let i = 0; i < 23; i++) toSign.push(await stored('xian'));
});

afterAll(async () => {
  await app?.stop();
});

describe('the inbox', () => {
  it('pages through every message to the last row', async () => {
    const first = await inbox(xianHandler, 'tab=toSign');
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 20, total: 23, pageCount: 2 });
    expect(first.data).toHaveLength(20);
    const second = await inbox(xianHandler, 'tab=toSign&page=2');
    expect(second.data).toHaveLength(3);
    expect(new Set([...ids(first.data), ...ids(second.data)])).toEqual(new Set(toSign));
    expect((await inbox(xianHandler, 'tab=toSign&page=3')).data).toEqual([]);
    expect(first.meta.timezone).toBe(ZONE);
    // The list never carries the citizen's name, contact or key.
    expect(JSON.stringify(first)).not.toMatch(/张三丰|13900001111|zhang@|TESTCODE/);
  });

  it('counts working days left and days overdue on the working-day calendar', async () => {
    const now = new Date();
    const inThree = await stored('xian', { dueAt: endOfWorkday(calendar(), now, 3, ZONE) });
    const due = new Date(now.getTime() - 12 * DAY);
    const late = await stored('xian', {
      status: 'accepted',
      receivedAt: new Date(now.getTime() - 20 * DAY),
      dueAt: due,
    });
    const all = [
      ...(await inbox(xianHandler, 'tab=toSign')).data,
      ...(await inbox(xianHandler, 'tab=toSign&page=2')).data,
    ];
    expect(all.find((row: InboxItem) => row.id === inThree)).toMatchObject({
      workingDaysLeft: 3,
      daysOverdue: null,
    });
    const overdue = await inbox(xianHandler, 'tab=overdue');
    expect(ids(overdue.data)).toEqual([late]);
    expect(overdue.data[0]).toMatchObject({
      deadline: 'overdue',
      workingDaysLeft: null,
      daysOverdue: Math.max(1, workingDaysBetween(calendar(), due, now, ZONE)),
    });
    toSign.push(inThree);
  });

  it('filters by site, category and local days received, and counts every tab under them', async () => {
    const complaint = await stored('xian', { category: 'complaint', subject: '投诉低保' });
    const baoji = await stored('baoji', { subject: '宝鸡的留言' });
    // 23:30 on 10 March in Beijing is still 10 March, though it is 15:30 UTC.
    const lateEvening = await stored('xian', {
      receivedAt: DateTime.fromISO('2026-03-10T23:30', { zone: ZONE }).toJSDate(),
    });
    // 00:30 on 11 March in Beijing is 10 March in UTC.
    const afterMidnight = await stored('xian', {
      receivedAt: DateTime.fromISO('2026-03-11T00:30', { zone: ZONE }).toJSDate(),
    });
    toSign.push(complaint, lateEvening, afterMidnight);

    expect(ids((await inbox(province, 'tab=toSign&site=baoji')).data)).toEqual([baoji]);
    // Another site's messages are not the handler's, filter or not.
    expect((await inbox(xianHandler, 'tab=toSign&site=baoji')).data).toEqual([]);
    expect((await inbox(baojiHandler, 'tab=toSign')).meta.counts.toSign).toBe(1);

    const complaints = await inbox(xianHandler, 'tab=toSign&category=complaint');
    expect(ids(complaints.data)).toEqual([complaint]);
    expect(complaints.meta.counts).toMatchObject({ toSign: 1, overdue: 0 });

    expect(
      ids((await inbox(xianHandler, 'tab=toSign&from=2026-03-10&to=2026-03-10')).data)
    ).toEqual([lateEvening]);
    expect(
      ids((await inbox(xianHandler, 'tab=toSign&from=2026-03-11&to=2026-03-11')).data)
    ).toEqual([afterMidnight]);
    expect(
      ids((await inbox(xianHandler, 'tab=toSign&from=2026-03-10&to=2026-03-11')).data).sort()
    ).toEqual([lateEvening, afterMidnight].sort());
  });

  it.each([
    ['tab=foo', ERRORS.tab],
    ['category=foo', ERRORS.filterCategory],
    ['from=2026-02-30', ERRORS.date],
    ['to=20260301', ERRORS.date],
    ['from=2026-03-11&to=2026-03-10', ERRORS.dateRange],
    ['site=' + encodeURIComponent('西安'), ERRORS.site],
    ['page=0', ERRORS.page],
  ])('refuses %s with a reason in Chinese', async (query, message) => {
    const res = await as(xianHandler).get(`/governance/messages?${query}`).expect(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.body.error.message).toBe(message);
    // The export takes the same filters (all rows: no page).
    if (!query.startsWith('page='))
      await as(xianHandler).get(`/governance/messages/export?${query}`).expect(400);
  });
});

describe('the extension queue', () => {
  it('lists messages waiting for an extension decision; the province decides from the case', async () => {
    const id = await stored('xian', { status: 'accepted' });
    await as(xianHandler)
      .post(`/governance/messages/${id}/extension`, {
        workingDays: 5,
        reason: '需要会同住建部门现场核实',
      })
      .expect(204);
    const queue = await inbox(province, 'tab=pendingExtension');
    expect(ids(queue.data)).toEqual([id]);
    expect(queue.data[0].extensionPending).toBe(true);
    expect((await inbox(baojiHandler, 'tab=pendingExtension')).data).toEqual([]);
    await as(xianHandler)
      .post(`/governance/messages/${id}/extension/decision`, { approve: true })
      .expect(403);
    await as(province)
      .post(`/governance/messages/${id}/extension/decision`, { approve: true })
      .expect(204);
    expect((await inbox(province, 'tab=pendingExtension')).data).toEqual([]);
  });
});

describe('批量签收', () => {
  it('signs what the user may sign, and says why each other one was not', async () => {
    const [a, b] = [await stored('xian'), await stored('xian')];
    const accepted = await stored('xian', { status: 'accepted' });
    const baojis = await stored('baoji');
    const res = await as(xianHandler)
      .post('/governance/messages/sign', { ids: [a, b, accepted, baojis, 999999, a] })
      .expect(200);
    expect(res.body.data.signed).toEqual([a, b]);
    expect(res.body.data.refused).toEqual([
      { id: accepted, reason: expect.stringContaining('办理中') },
      { id: baojis, reason: ERRORS.noSuchMessage(baojis) },
      { id: 999999, reason: ERRORS.noSuchMessage(999999) },
    ]);
    // The other site's message is untouched; each signed one has its event, as a single sign.
    expect(
      (await app.strapi.db.query(CITIZEN_MESSAGE).findOne({ where: { id: baojis } })).status
    ).toBe('received');
    const signed = (await as(xianHandler).get(`/governance/messages/${a}`).expect(200)).body.data;
    expect(signed.status).toBe('accepted');
    expect(signed.timeline).toEqual([
      expect.objectContaining({ action: 'sign', actor: expect.stringContaining('西安办理员') }),
    ]);
    // Another site's handler signs nothing of 西安's.
    const other = await stored('xian');
    const attack = await as(baojiHandler)
      .post('/governance/messages/sign', { ids: [other] })
      .expect(200);
    expect(attack.body.data).toEqual({
      signed: [],
      refused: [{ id: other, reason: ERRORS.noSuchMessage(other) }],
    });
    toSign.push(other);
  });

  it.each([
    [{ ids: [] }],
    [{ ids: 'all' }],
    [{ ids: ['1'] }],
    [{ ids: [0] }],
    [{}],
    [{ ids: Array.from({ length: 101 }, (_, i) => i + 1) }],
    [{ ids: [1], status: 'accepted' }],
  ])('refuses %j', async (body) => {
    const res = await as(xianHandler).post('/governance/messages/sign', body).expect(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('the Excel export', () => {
  it('exports the filtered list with Chinese headings, neutralised cells and no contact data, on the record', async () => {
    const formula = await stored('xian', {
      category: 'suggestion',
      subject: '=HYPERLINK("http://evil.example","点此")',
    });
    const plain = await stored('xian', { category: 'suggestion', subject: '建议增设便民服务点' });
    const res = await as(xianHandler)
      .get('/governance/messages/export?tab=toSign&category=suggestion')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('留言办理清单-');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')))
    );
    expect(rows[0][0]).toBe('留言办理清单');
    expect(rows[1][0]).toBe('页签：待签收；类别：建议');
    expect(rows[2][0]).toMatch(/^生成于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）$/);
    expect(rows[3]).toEqual([
      '留言编号',
      '标题',
      '网站',
      '类别',
      '状态',
      '收到时间',
      '答复期限',
      '剩余工作日',
      '超期天数',
      '答复时间',
      '答复单位',
    ]);
    const body = rows.slice(4);
    expect(body).toHaveLength(2);
    const subjects = body.map((row) => row[1]);
    expect(subjects).toContain(`'=HYPERLINK("http://evil.example","点此")`);
    expect(subjects).toContain('建议增设便民服务点');
    expect(body[0].slice(2, 5)).toEqual(['西安市民政局', '建议', '待签收']);
    expect(JSON.stringify(rows)).not.toMatch(/张三丰|13900001111|zhang@|TESTCODE/);
    const entry = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'message.export' }, orderBy: { seq: 'desc' } });
    expect(entry.summary).toContain('导出留言清单 2 条');
    expect(entry.actorName).toContain('西安办理员');
    expect([formula, plain]).toHaveLength(2);
  });
});

describe('the menu badge', () => {
  it("counts the user's sites' messages to sign or overdue, each once", async () => {
    const count = async (who: TestAdmin) =>
      (await as(who).get('/governance/messages/todo').expect(200)).body.data.count;
    const where = (site: number) => ({
      site: { id: site },
      $or: [
        { status: { $in: ['received', 'transferred'] } },
        { status: { $in: ['received', 'accepted', 'transferred'] }, dueAt: { $lt: new Date() } },
      ],
    });
    const xian = await app.strapi.db.query(CITIZEN_MESSAGE).count({ where: where(siteIds.xian) });
    expect(xian).toBeGreaterThan(20);
    expect(await count(xianHandler)).toBe(xian);
    const before = await count(baojiHandler);
    // An overdue message in progress counts once; a signed one in time no longer does.
    await stored('baoji', {
      status: 'accepted',
      receivedAt: new Date(Date.now() - 20 * DAY),
      dueAt: new Date(Date.now() - DAY),
    });
    await stored('baoji', { status: 'accepted' });
    expect(await count(baojiHandler)).toBe(before + 1);
  });
});

describe('the case', () => {
  it('offers the site as replying unit, masks the name for print, and makes the reply public on the record', async () => {
    const id = await stored('xian', { status: 'accepted' });
    const before = (await as(xianHandler).get(`/governance/messages/${id}`).expect(200)).body.data;
    expect(before).toMatchObject({
      suggestedUnit: '西安市民政局',
      maskedName: '张**',
      isPublic: false,
      citizen: { name: '张三丰' },
    });
    await as(baojiHandler)
      .post(`/governance/messages/${id}/public`, { isPublic: true })
      .expect(404);
    await as(xianHandler)
      .post(`/governance/messages/${id}/public`, { isPublic: 'yes' })
      .expect(400);
    await as(xianHandler).post(`/governance/messages/${id}/public`, { isPublic: true }).expect(204);
    const after = (await as(xianHandler).get(`/governance/messages/${id}`).expect(200)).body.data;
    expect(after.isPublic).toBe(true);
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual(['makePublic']);
    const entry = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'message.publicity' }, orderBy: { seq: 'desc' } });
    expect(entry.summary).toContain(`公开答复留言《${before.subject}》`);

    await as(xianHandler)
      .post(`/governance/messages/${id}/reply`, {
        text: '您好，临时救助可向户籍所在地街道办事处申请，如有疑问请拨打12349咨询。',
        unit: after.suggestedUnit,
      })
      .expect(204);
    const published = await app.http().get('/api/citizen-messages?site=xian').expect(200);
    expect(published.body.data).toEqual([
      expect.objectContaining({ name: '张**', replyingUnit: '西安市民政局' }),
    ]);
    await as(xianHandler)
      .post(`/governance/messages/${id}/public`, { isPublic: false })
      .expect(204);
    expect((await app.http().get('/api/citizen-messages?site=xian').expect(200)).body.data).toEqual(
      []
    );
  });
});
