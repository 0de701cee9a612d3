/**
 * Transfers that cannot bend the figures (issue 25, tricks 1 and 2). A transfer waits for the
 * receiving site's acceptance, the message keeps its first deadline, each site's held time is
 * recorded, and the province sees who held a message how long: ping-pong does not clear an
 * overdue message, and an old message transferred away leaves the veto with its holder.
 */
import { DateTime } from 'luxon';
import { submitMessage } from '@test-helpers/citizen-form';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { MessageFigures } from '../../../../shared/contracts/messages';
import type { SiteOversight } from '../../../../shared/contracts/oversight';
import { AUDIT_ENTRY, CITIZEN_MESSAGE, MESSAGE_HOLDING } from '../../uids';
import { holdingReceipts } from '../holdings';

let app: TestApp;
let province: TestAdmin;
let xianHandler: TestAdmin;
let baojiHandler: TestAdmin;
let hanzhongHandler: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const ZONE = 'Asia/Shanghai';

const submitted = async (subject = '临时救助咨询') =>
  (
    await submitMessage(app, {
      site: 'xian',
      category: 'consultation',
      subject,
      body: '请问临时救助怎么申请？',
      phone: '13900000000',
    })
  ).stored;

/**
 * Sets the clock back on a message as if it had been received `days` ago: its receipt, its
 * deadline and its first holding (the test's only write behind the routes: time cannot be
 * waited for).
 */
const receivedDaysAgo = async (id: number, days: number) => {
  const message = await app.strapi.db.query(CITIZEN_MESSAGE).findOne({ where: { id } });
  const shift = (value: string | Date) =>
    DateTime.fromJSDate(new Date(value)).minus({ days }).toJSDate();
  await app.strapi.db.query(CITIZEN_MESSAGE).update({
    where: { id },
    data: { receivedAt: shift(message.receivedAt), dueAt: shift(message.dueAt) },
  });
  const [holding] = await app.strapi.db
    .query(MESSAGE_HOLDING)
    .findMany({ where: { messageId: id } });
  await app.strapi.db.query(MESSAGE_HOLDING).update({
    where: { id: holding.id },
    data: { startedAt: shift(holding.startedAt), dueAt: shift(holding.dueAt) },
  });
  return DateTime.fromJSDate(shift(message.receivedAt), { zone: ZONE }).year;
};

const caseOf = async (who: TestAdmin, id: number) =>
  (await as(who).get(`/governance/messages/${id}`).expect(200)).body.data;

/** 留言统计 as the province reads it: one site's figures for the year. */
const figures = async (year: number, site: string): Promise<MessageFigures> => {
  const data = (await as(province).get(`/governance/messages/statistics?year=${year}`).expect(200))
    .body.data;
  return data.levels
    .flatMap((level: { sites: Array<{ site: { code: string } }> }) => level.sites)
    .find((s: { site: { code: string } }) => s.site.code === site).figures;
};

/** 站群监测's unanswered-message veto rule for a site, as the province sees it. */
const veto = async (site: string) => {
  const data: SiteOversight[] = (await as(province).get('/governance/oversight').expect(200)).body
    .data;
  return data.find((s) => s.site.code === site)!.rules.find((r) => r.rule === 'unansweredMessage')!;
};

const transfer = (who: TestAdmin, id: number, site: string) =>
  as(who).post(`/governance/messages/${id}/transfer`, { site, reason: '属于对方职责范围' });
const accept = (who: TestAdmin, id: number) =>
  as(who).post(`/governance/messages/${id}/transfer/accept`);

beforeAll(async () => {
  app = await startApp('transfers');
  ({
    staff: { province, xianHandler, baojiHandler, hanzhongHandler },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市民政局', level: 'city' },
      baoji: { name: '宝鸡市民政局', level: 'city' },
      hanzhong: { name: '汉中市民政局', level: 'city' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      xianHandler: ['governance-message-handler', '西安办理员', { xian: 'handler' }],
      baojiHandler: ['governance-message-handler', '宝鸡办理员', { baoji: 'handler' }],
      hanzhongHandler: ['governance-message-handler', '汉中办理员', { hanzhong: 'handler' }],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe('trick 1: transfer ping-pong', () => {
  it('does not clear an overdue message: overdue and on-time rate at the sender unchanged, the return flagged', async () => {
    // One answered on time, so that the rate is neither 0 nor 1.
    const answered = await submitted('按期答复的咨询');
    await as(xianHandler)
      .post(`/governance/messages/${answered.id}/reply`, {
        text: '您好，临时救助可向户籍所在地街道办事处申请，如有疑问请拨打12349。',
        unit: '西安市民政局社会救助处',
      })
      .expect(204);
    const message = await submitted('乒乓转办的咨询');
    const year = await receivedDaysAgo(message.id, 20);
    const before = await figures(year, 'xian');
    const { dueAt } = await caseOf(xianHandler, message.id);
    expect(before.overdue).toBeGreaterThanOrEqual(1);

    // A→B, and B cannot send it back before accepting it: it is not B's yet.
    await transfer(xianHandler, message.id, 'baoji').expect(204);
    await transfer(baojiHandler, message.id, 'xian').expect(404);
    await accept(baojiHandler, message.id).expect(204);
    await transfer(baojiHandler, message.id, 'xian').expect(204);
    await accept(xianHandler, message.id).expect(204);

    const after = await figures(year, 'xian');
    expect(before.onTimeRate).toBeGreaterThan(0);
    expect(before.onTimeRate).toBeLessThan(1);
    expect(after.overdue).toBe(before.overdue);
    expect(after.onTimeRate).toBe(before.onTimeRate);
    expect(after.transfersOut).toBe(before.transfersOut + 1);
    expect(after.returnsReceived).toBe(before.returnsReceived + 1);
    const baoji = await figures(year, 'baoji');
    expect(baoji).toMatchObject({ transfersOut: 1, transfersIn: 1, overdueHoldings: 0 });

    const back = await caseOf(xianHandler, message.id);
    expect(back).toMatchObject({ site: { code: 'xian' }, dueAt, deadline: 'overdue' });
    // The return continues the earlier deadline: no fresh clock for Xi'an.
    expect(back.holdings).toMatchObject([
      { site: { code: 'xian' }, endedBy: 'transferred', overdue: true },
      { site: { code: 'baoji' }, endedBy: 'transferred', overdue: false },
      { site: { code: 'xian' }, isReturn: true, endedAt: null, dueAt, overdue: true },
    ]);
    const overdueTab = (await as(xianHandler).get('/governance/messages?tab=overdue').expect(200))
      .body.data;
    expect(overdueTab.map((m: { id: number }) => m.id)).toContain(message.id);
  });
});

describe('trick 2: an old message dumped on another site', () => {
  it('leaves the veto with the site that held it; the receiver is not tripped and has its full time from acceptance', async () => {
    const message = await submitted('九十五天未答复的咨询');
    const year = await receivedDaysAgo(message.id, 95);
    expect(await veto('xian')).toMatchObject({ status: 'tripped' });
    expect((await veto('baoji')).status).not.toBe('tripped');

    await transfer(xianHandler, message.id, 'baoji').expect(204);
    // Not accepted: the sender still holds it, and its veto.
    expect(await veto('xian')).toMatchObject({ status: 'tripped' });
    expect((await veto('baoji')).status).not.toBe('tripped');
    expect((await caseOf(xianHandler, message.id)).site.code).toBe('xian');

    const overdue = app.strapi.plugin('governance').service('overdueMessages');
    await overdue.notifyOverdue();
    const notices = async () =>
      (await caseOf(province, message.id)).timeline.filter(
        (e: { action: string }) => e.action === 'overdueNotice'
      ).length;
    // Xi'an's leader was told; 宝鸡 is not told of the time Xi'an held it.
    expect(await notices()).toBe(1);

    const acceptedFrom = new Date();
    await accept(baojiHandler, message.id).expect(204);
    await overdue.notifyOverdue();
    expect(await notices()).toBe(1);
    expect(await veto('xian')).toMatchObject({ status: 'tripped' });
    const baojiVeto = await veto('baoji');
    expect(baojiVeto.status).not.toBe('tripped');
    expect(baojiVeto.value).toBe(0);

    const moved = await caseOf(baojiHandler, message.id);
    const mine = moved.holdings.at(-1);
    expect(mine).toMatchObject({ site: { code: 'baoji' }, isReturn: false, overdue: false });
    // Five working days for a consultation, counted from the acceptance.
    expect(new Date(mine.dueAt).getTime()).toBeGreaterThan(
      DateTime.fromJSDate(acceptedFrom).plus({ days: 5 }).toMillis()
    );
    // The message's own deadline, the citizen's, stays the first receipt's.
    expect(new Date(moved.dueAt).getTime()).toBeLessThan(acceptedFrom.getTime());

    expect(await figures(year, 'xian')).toMatchObject({
      lateTransfers: expect.any(Number),
      overdueHoldings: expect.any(Number),
    });
    const xian = await figures(year, 'xian');
    expect(xian.lateTransfers).toBeGreaterThanOrEqual(1);
    expect(xian.overdueHoldings).toBeGreaterThanOrEqual(1);
    const baoji = await figures(year, 'baoji');
    expect(baoji.overdue).toBe(0);
    expect(baoji.overdueHoldings).toBe(0);
  });
});

describe('a late transfer judged once', () => {
  it('counts the sender late for the transfer, the receiver on time by its own deadline, and the citizen answered late', async () => {
    const message = await submitted('逾期转出后按期答复的咨询');
    const year = await receivedDaysAgo(message.id, 20);
    const statistics = async (): Promise<MessageFigures> =>
      (await as(province).get(`/governance/messages/statistics?year=${year}`).expect(200)).body.data
        .totals;
    const xianBefore = await figures(year, 'xian');
    const groupBefore = await statistics();

    // Xi'an held it past its deadline, then 汉中 accepted it and answered within its own time.
    await transfer(xianHandler, message.id, 'hanzhong').expect(204);
    await accept(hanzhongHandler, message.id).expect(204);
    await as(hanzhongHandler)
      .post(`/governance/messages/${message.id}/reply`, {
        text: '您好，临时救助可向户籍所在地街道办事处申请，如有疑问请拨打12349。',
        unit: '汉中市民政局社会救助处',
      })
      .expect(204);

    const xian = await figures(year, 'xian');
    expect(xian.lateTransfers).toBe(xianBefore.lateTransfers + 1);
    expect(xian.transfersOut).toBe(xianBefore.transfersOut + 1);
    const hanzhong = await figures(year, 'hanzhong');
    expect(hanzhong).toMatchObject({
      replied: 1,
      repliedOnTime: 1,
      due: 1,
      onTimeRate: 1,
      overdue: 0,
      overdueHoldings: 0,
      lateTransfers: 0,
    });
    // The citizen was told the first deadline, and got the answer after it: the group says so.
    const group = await statistics();
    expect(group.repliedOnTime).toBe(groupBefore.repliedOnTime + 1);
    expect(group.repliedByFirstDeadline).toBe(groupBefore.repliedByFirstDeadline);
    expect(group.dueByFirstDeadline).toBe(groupBefore.dueByFirstDeadline);
    expect(group.firstDeadlineOnTimeRate).toBeLessThan(1);
    expect(hanzhong.repliedByFirstDeadline).toBe(0);
    expect(hanzhong.firstDeadlineOnTimeRate).toBe(0);
    const stored = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .findOne({ where: { id: message.id }, select: ['repliedOnTime', 'holderRepliedOnTime'] });
    expect(stored).toMatchObject({ repliedOnTime: false, holderRepliedOnTime: true });
  });
});

describe("the holder's deadline everywhere", () => {
  /** 宝鸡's detail in 站群监测: its standing and the evidence behind it. */
  const evidence = async (site: string) => {
    const list: SiteOversight[] = (await as(province).get('/governance/oversight').expect(200)).body
      .data;
    const { documentId } = list.find((s) => s.site.code === site)!.site;
    return (await as(province).get(`/governance/oversight/sites/${documentId}`).expect(200)).body
      .data as { openMessages: Array<{ id: number; overdue: boolean }> };
  };
  const overdueTab = async (who: TestAdmin) =>
    (await as(who).get('/governance/messages?tab=overdue').expect(200)).body.data.map(
      (m: { id: number }) => m.id
    );

  it("judges the inbox's 已超期 and 站群监测's evidence by the open holding's deadline", async () => {
    // Old at 西安, accepted by 宝鸡 with its own time: not overdue at 宝鸡.
    const old = await submitted('宝鸡接收的旧留言');
    await receivedDaysAgo(old.id, 20);
    await transfer(xianHandler, old.id, 'baoji').expect(204);
    await accept(baojiHandler, old.id).expect(204);
    expect(await overdueTab(baojiHandler)).not.toContain(old.id);
    expect((await evidence('baoji')).openMessages.find((m) => m.id === old.id)).toMatchObject({
      overdue: false,
    });
    // Its row shows 宝鸡's own deadline and days left, not the sender's overdue days.
    const inProgress = (
      await as(baojiHandler).get('/governance/messages?tab=inProgress').expect(200)
    ).body.data as Array<{
      id: number;
      daysOverdue: number | null;
      workingDaysLeft: number | null;
    }>;
    expect(inProgress.find((m) => m.id === old.id)).toMatchObject({ daysOverdue: null });
    expect(inProgress.find((m) => m.id === old.id)!.workingDaysLeft).toBeGreaterThan(2);

    // New, accepted by 宝鸡, whose own deadline has passed (a shorter handling time of its own)
    // while the message's has not: overdue at 宝鸡.
    const fresh = await submitted('宝鸡期限已过的留言');
    await transfer(xianHandler, fresh.id, 'baoji').expect(204);
    await accept(baojiHandler, fresh.id).expect(204);
    await app.strapi.db.query(MESSAGE_HOLDING).updateMany({
      where: { messageId: fresh.id, state: 'open' },
      data: { dueAt: new Date(Date.now() - 3_600_000) },
    });
    expect(await overdueTab(baojiHandler)).toContain(fresh.id);
    // Due within two working days by the message's deadline, already past by 宝鸡's: not 即将超期.
    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { id: fresh.id },
      data: { dueAt: new Date(Date.now() + 3_600_000) },
    });
    const dueSoon = (await as(baojiHandler).get('/governance/messages?tab=dueSoon').expect(200))
      .body.data as Array<{ id: number }>;
    expect(dueSoon.map((m) => m.id)).not.toContain(fresh.id);
    expect(await overdueTab(baojiHandler)).toContain(fresh.id);
    const counts = (await as(baojiHandler).get('/governance/messages?tab=overdue').expect(200)).body
      .meta.counts;
    expect(counts.overdue).toBe((await overdueTab(baojiHandler)).length);
    expect((await evidence('baoji')).openMessages.find((m) => m.id === fresh.id)).toMatchObject({
      overdue: true,
    });
  });

  it("sums a site's holdings of one message across New Year: a return does not restart its time", async () => {
    // 汉中 held it from 1 October to 20 December last year (80 days), 宝鸡 until ten days ago, and
    // 汉中 has had it back since: 90 days in all at 汉中.
    const message = await submitted('跨年退回的留言');
    const now = DateTime.now().setZone(ZONE);
    const lastYear = now.year - 1;
    const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
    const first = day(`${lastYear}-10-01T10:00:00`);
    const handedOver = day(`${lastYear}-12-20T10:00:00`);
    const back = now.minus({ days: 10 }).toJSDate();
    const sites = app.strapi.db.query('api::site.site');
    const [hanzhong, baoji] = await Promise.all(
      ['hanzhong', 'baoji'].map((code) => sites.findOne({ where: { code }, select: ['id'] }))
    );
    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { id: message.id },
      data: { receivedAt: first, dueAt: day(`${lastYear}-10-15T23:59:59`), site: hanzhong.id },
    });
    const holdingsOf = app.strapi.db.query(MESSAGE_HOLDING);
    await holdingsOf.updateMany({
      where: { messageId: message.id },
      data: {
        siteId: hanzhong.id,
        state: 'ended',
        startedAt: first,
        endedAt: handedOver,
        endedBy: 'transferred',
      },
    });
    await holdingsOf.create({
      data: {
        messageId: message.id,
        siteId: baoji.id,
        fromSiteId: hanzhong.id,
        state: 'ended',
        startedAt: handedOver,
        endedAt: back,
        endedBy: 'transferred',
        dueAt: day(`${lastYear}-12-31T23:59:59`),
        isReturn: false,
      },
    });
    await holdingsOf.create({
      data: {
        messageId: message.id,
        siteId: hanzhong.id,
        fromSiteId: baoji.id,
        state: 'open',
        startedAt: back,
        dueAt: day(`${lastYear}-10-15T23:59:59`),
        isReturn: true,
      },
    });
    const held = (await veto('hanzhong')).value!;
    // 80 days last year and 10 this year (a local day either way for the clocks' hours).
    expect(held).toBeGreaterThanOrEqual(89);
    expect(held).toBeLessThanOrEqual(91);
  });
});

describe('who answers a transfer', () => {
  it('lets only the receiving site accept or refuse; until then the sender stays responsible', async () => {
    const message = await submitted('待接收的转办');
    await receivedDaysAgo(message.id, 20);
    await transfer(xianHandler, message.id, 'baoji').expect(204);
    await transfer(xianHandler, message.id, 'hanzhong').expect(400);

    // Other sites do not see it at all.
    await as(hanzhongHandler).get(`/governance/messages/${message.id}`).expect(404);
    await accept(hanzhongHandler, message.id).expect(404);
    await as(hanzhongHandler)
      .post(`/governance/messages/${message.id}/transfer/refuse`, { reason: '不属于本市职责' })
      .expect(404);
    // The sender cannot accept its own transfer.
    await accept(xianHandler, message.id).expect(403);
    // The receiver sees it waiting in 待接收, and not among its overdue messages.
    const toAccept = (await as(baojiHandler).get('/governance/messages?tab=toAccept').expect(200))
      .body;
    expect(toAccept.data.map((m: { id: number }) => m.id)).toContain(message.id);
    expect(toAccept.meta.counts.toAccept).toBe(1);
    const baojiOverdue = (
      await as(baojiHandler).get('/governance/messages?tab=overdue').expect(200)
    ).body.data;
    expect(baojiOverdue.map((m: { id: number }) => m.id)).not.toContain(message.id);
    const xianOverdue = (await as(xianHandler).get('/governance/messages?tab=overdue').expect(200))
      .body.data;
    expect(xianOverdue.map((m: { id: number }) => m.id)).toContain(message.id);
    // Only reading and answering the transfer: no other act.
    await as(baojiHandler).post(`/governance/messages/${message.id}/sign`).expect(404);

    await as(baojiHandler)
      .post(`/governance/messages/${message.id}/transfer/refuse`, { reason: '短' })
      .expect(400);
    await as(baojiHandler)
      .post(`/governance/messages/${message.id}/transfer/refuse`, {
        reason: '该事项属于西安市职责范围',
      })
      .expect(204);
    await as(baojiHandler).get(`/governance/messages/${message.id}`).expect(404);
    const refused = await caseOf(xianHandler, message.id);
    expect(refused).toMatchObject({ site: { code: 'xian' }, pendingTransfer: null });
    expect(refused.timeline.at(-1)).toMatchObject({
      action: 'refuseTransfer',
      fromSite: { code: 'baoji' },
      toSite: { code: 'xian' },
      text: '该事项属于西安市职责范围',
    });
    expect(refused.holdings).toHaveLength(1);
    const audit = await app.strapi.db.query(AUDIT_ENTRY).findMany({
      where: { action: 'message.transfer', subject: `message ${message.id}` },
      orderBy: [{ seq: 'asc' }],
    });
    expect(audit.map((entry: { summary: string }) => entry.summary)).toEqual([
      expect.stringContaining('转办至宝鸡市民政局（待对方接收）'),
      expect.stringContaining('宝鸡市民政局退回'),
    ]);
  });

  it('lets the province assign directly, and only the province rule a first assignment a mistake (误派)', async () => {
    const message = await submitted('误派的咨询');
    await receivedDaysAgo(message.id, 20);
    await transfer(province, message.id, 'baoji').expect(204);
    const assigned = await caseOf(baojiHandler, message.id);
    expect(assigned).toMatchObject({ status: 'transferred', site: { code: 'baoji' } });
    expect(assigned.timeline.at(-1).action).toBe('assign');
    expect(new Date(assigned.dueAt).getTime()).toBeLessThan(Date.now());

    const reason = { reason: '留言人所在地为宝鸡市，初次交办有误' };
    await as(baojiHandler)
      .post(`/governance/messages/${message.id}/misassigned`, reason)
      .expect(403);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/misassigned`, reason)
      .expect(403);
    await as(province)
      .post(`/governance/messages/${message.id}/misassigned`, { reason: '短' })
      .expect(400);
    await as(province).post(`/governance/messages/${message.id}/misassigned`, reason).expect(204);
    const ruled = await caseOf(baojiHandler, message.id);
    expect(ruled.dueAt).toBe(ruled.holdings.at(-1).dueAt);
    expect(new Date(ruled.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(ruled.deadline).not.toBe('overdue');
    expect(ruled.timeline.at(-1)).toMatchObject({
      action: 'misassigned',
      text: reason.reason,
      dueAtBefore: assigned.dueAt,
      dueAtAfter: ruled.dueAt,
    });
    const [entry] = await app.strapi.db.query(AUDIT_ENTRY).findMany({
      where: { action: 'message.transfer', subject: `message ${message.id}` },
      orderBy: [{ seq: 'desc' }],
      limit: 1,
    });
    expect(entry.summary).toContain('误派');
    // Once is enough: the message's deadline now runs from the acceptance.
    await as(province).post(`/governance/messages/${message.id}/misassigned`, reason).expect(400);
  });
});

describe('the kept figures (figures/)', () => {
  it('follow every transfer, return and reply above: a recount finds nothing different', async () => {
    const report = await app.strapi.plugin('governance').service('keptFigures').check();
    expect(report.samples).toEqual([]);
    expect(report.messages + report.cells).toBe(0);
  });
});

describe("each holding's receipt (replies/holdings.ts)", () => {
  const receipts = async () => {
    const knex = app.strapi.db.connection;
    const rows = (await knex(`${app.strapi.db.metadata.get(MESSAGE_HOLDING).tableName} as h`)
      .join(`${app.strapi.db.metadata.get(CITIZEN_MESSAGE).tableName} as m`, 'm.id', 'h.message_id')
      .select({ held: 'h.message_received_at', received: 'm.received_at' })) as Array<{
      held: unknown;
      received: unknown;
    }>;
    return rows.map(({ held, received }) => [
      held === null ? null : new Date(held as string).getTime(),
      new Date(received as string).getTime(),
    ]);
  };

  it("is the message's, on every holding the transfers above opened, and given at start-up to those without", async () => {
    const before = await receipts();
    expect(before.length).toBeGreaterThan(5);
    for (const [held, received] of before) expect(held).toBe(received);

    // Rows written without it (an import by SQL, or stored before it was kept).
    await app.strapi.db
      .connection(app.strapi.db.metadata.get(MESSAGE_HOLDING).tableName)
      .update({ message_received_at: null });
    expect(await holdingReceipts(app.strapi).fill()).toBe(before.length);
    expect(await receipts()).toEqual(before);
    expect(await holdingReceipts(app.strapi).fill()).toBe(0);
  });
});
