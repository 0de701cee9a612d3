/**
 * What the province checks of the answers: reply-quality flags before a reply is sent, the
 * citizen's one rating (and reopening once), spot checks, the statistics per site and level on
 * crafted data, and the leader's notice when a message becomes overdue — over real HTTP.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { CITIZEN_MESSAGE, MESSAGE_EVENT, MESSAGE_HOLDING } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let handler: TestAdmin;
let leader: TestAdmin;
let siteIds: Record<'xian' | 'zhouzhi' | 'closed', number>;

const as = (admin: TestAdmin) => asAdmin(app, admin);

const submitted = async (site = 'xian') =>
  (
    await submitMessage(app, {
      site,
      subject: '低保申请',
      body: '请问低保需要什么条件？',
      name: '李四',
      phone: '13700000000',
    })
  ).stored;

const GOOD_REPLY = {
  text: '您好，申请低保需家庭人均收入低于当地标准，请持身份证、户口簿到街道办事处提出申请，经审核公示后发放。',
  unit: '西安市民政局社会救助处',
};

const replied = async () => {
  const message = await submitted();
  await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
  return message;
};

const caseOf = async (id: number) =>
  (await as(province).get(`/governance/messages/${id}`).expect(200)).body.data;
const lookup = async (queryCode: string) =>
  (await app.http().get(`/api/citizen-messages/lookup/${queryCode}`).expect(200)).body.data;
/** Rated as the citizen: with the last four digits of the phone they left. */
const rate = (queryCode: string, body: Record<string, unknown>) =>
  app
    .http()
    .post(`/api/citizen-messages/lookup/${queryCode}/rating`)
    .send({ contact: '0000', ...body });

beforeAll(async () => {
  app = await startApp('reply-quality');
  ({
    siteIds,
    staff: { province, handler, leader },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市民政局', level: 'city', active: true },
      zhouzhi: { name: '周至县民政局', level: 'county', active: true },
      closed: { name: '已撤并网站', level: 'county', active: false },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      handler: ['governance-message-handler', '办理员', { xian: 'handler' }],
      leader: ['governance-site-editor', '负责人', { xian: 'leader' }],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe('reply quality', () => {
  it("shows a substandard reply's flags before it is sent, and records them when its author sends it anyway", async () => {
    const message = await submitted();
    const bare = { text: '您好，您的留言已收悉，已转相关部门办理，谢谢。' };
    const res = await as(handler)
      .post(`/governance/messages/${message.id}/reply`, bare)
      .expect(400);
    expect(res.body.error.details).toEqual({
      code: 'REPLY_FLAGGED',
      flags: ['tooShort', 'templatePhrase', 'noUnit'],
    });
    expect(res.body.error.message).toBe(
      ERRORS.replyFlagged(['tooShort', 'templatePhrase', 'noUnit'])
    );
    expect((await caseOf(message.id)).status).toBe('received');

    await as(handler)
      .post(`/governance/messages/${message.id}/reply`, { ...bare, acknowledgeFlags: true })
      .expect(204);
    const sent = await caseOf(message.id);
    expect(sent).toMatchObject({ status: 'replied', replyingUnit: null });
    expect(sent.timeline.at(-1)).toMatchObject({
      action: 'reply',
      flags: ['tooShort', 'templatePhrase', 'noUnit'],
    });

    // Editing it into a proper answer: no flags, and the unit shows to the citizen.
    await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
    const edited = await caseOf(message.id);
    expect(edited.timeline.at(-1)).toMatchObject({
      action: 'editReply',
      flags: null,
      text: GOOD_REPLY.text,
    });
    expect((await lookup(message.queryCode)).replyingUnit).toBe(GOOD_REPLY.unit);
  });

  it('records the working days to the first reply and whether it was on time', async () => {
    const message = await replied();
    const row = await app.strapi.db.query(CITIZEN_MESSAGE).findOne({ where: { id: message.id } });
    expect(row).toMatchObject({ workingDaysToReply: 0, repliedOnTime: true });
    await as(handler)
      .post(`/governance/messages/${message.id}/reply`, { ...GOOD_REPLY, unit: 'x'.repeat(101) })
      .expect(400);
  });
});

describe("the citizen's rating", () => {
  it('rates an answered message once, and reopens it once when unsatisfied', async () => {
    const waiting = await submitted();
    expect(
      (await rate(waiting.queryCode, { satisfaction: 'satisfied' }).expect(400)).body.error.message
    ).toBe(ERRORS.notRatable);

    const message = await replied();
    expect(await lookup(message.queryCode)).toMatchObject({
      canRate: true,
      satisfaction: null,
      reopened: false,
    });
    await rate(message.queryCode, { satisfaction: 'delighted' }).expect(400);
    expect(
      (await rate(message.queryCode, { satisfaction: 'satisfied', reopen: true }).expect(400)).body
        .error.message
    ).toBe(ERRORS.reopenUnsatisfied);

    // Fields a caller adds are not read: the status changes only by the reopening itself.
    const res = await rate(message.queryCode, {
      satisfaction: 'unsatisfied',
      comment: '<b>没有</b>回答我的问题',
      reopen: true,
      status: 'closed',
      spotCheck: 'standard',
    }).expect(200);
    expect(res.body.data).toMatchObject({
      status: 'accepted',
      satisfaction: 'unsatisfied',
      canRate: false,
      reopened: true,
    });
    expect(res.body.data).not.toHaveProperty('name');
    expect(res.body.data).not.toHaveProperty('phone');
    expect(
      (await rate(message.queryCode, { satisfaction: 'satisfied' }).expect(400)).body.error.message
    ).toBe(ERRORS.rated);

    const reopened = await caseOf(message.id);
    expect(reopened).toMatchObject({
      status: 'accepted',
      satisfaction: 'unsatisfied',
      spotCheck: null,
    });
    expect(reopened.timeline.slice(-2)).toMatchObject([
      {
        action: 'rate',
        actor: '留言人',
        satisfaction: 'unsatisfied',
        text: '没有回答我的问题',
      },
      { action: 'reopen', actor: '留言人' },
    ]);
    expect(new Date(reopened.dueAt).getTime()).toBeGreaterThan(
      new Date(message.dueAt).getTime() - 1
    );

    // The new answer keeps the first reply's date; the case cannot be reopened again.
    const second = {
      ...GOOD_REPLY,
      text: `${GOOD_REPLY.text}经核实，您家庭情况符合条件，街道已受理。`,
    };
    await as(handler).post(`/governance/messages/${message.id}/reply`, second).expect(204);
    const answeredAgain = await caseOf(message.id);
    expect(answeredAgain).toMatchObject({
      status: 'replied',
      reply: second.text,
      repliedAt: reopened.repliedAt,
    });
    await rate(message.queryCode, { satisfaction: 'unsatisfied', reopen: true }).expect(400);
  });

  it('lets only one of two ratings sent at once count', async () => {
    const message = await replied();
    const results = await Promise.all([
      rate(message.queryCode, { satisfaction: 'satisfied' }),
      rate(message.queryCode, { satisfaction: 'unsatisfied' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const events = await app.strapi.db
      .query(MESSAGE_EVENT)
      .findMany({ where: { message: { id: message.id }, action: 'rate' } });
    expect(events).toHaveLength(1);
  });
});

describe('spot checks', () => {
  it('lets a provincial admin judge a replied message once, a substandard one with the reason', async () => {
    const open = await submitted();
    await as(province)
      .post(`/governance/messages/${open.id}/spot-check`, { verdict: 'standard' })
      .expect(400);
    const message = await replied();
    await as(handler)
      .post(`/governance/messages/${message.id}/spot-check`, { verdict: 'standard' })
      .expect(403);
    await as(province)
      .post(`/governance/messages/${message.id}/spot-check`, { verdict: 'poor' })
      .expect(400);
    const res = await as(province)
      .post(`/governance/messages/${message.id}/spot-check`, { verdict: 'substandard' })
      .expect(400);
    expect(res.body.error.message).toBe(ERRORS.spotCheckComment);
    await as(province)
      .post(`/governance/messages/${message.id}/spot-check`, {
        verdict: 'substandard',
        comment: '未说明办理依据',
      })
      .expect(204);
    await as(province)
      .post(`/governance/messages/${message.id}/spot-check`, { verdict: 'standard' })
      .expect(400);
    expect((await caseOf(message.id)).spotCheck).toMatchObject({
      verdict: 'substandard',
      comment: '未说明办理依据',
      by: expect.stringContaining('省厅'),
    });
  });
});

describe('statistics', () => {
  /** A message received at `receivedAt` (UTC), stored as the flow would have left it. */
  const crafted = async (
    site: keyof typeof siteIds,
    receivedAt: string,
    fields: Record<string, unknown>
  ) =>
    app.strapi.db.query(CITIZEN_MESSAGE).create({
      data: {
        site: siteIds[site],
        category: 'consultation',
        subject: '统计用留言',
        body: '统计用留言内容',
        name: '王五',
        phone: '13600000000',
        queryCode: `STAT${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
        receivedAt: new Date(receivedAt),
        dueAt: new Date('2023-06-30T16:00:00Z'),
        ...fields,
      },
    });

  beforeAll(async () => {
    const answered = (days: number, onTime: boolean) => ({
      status: 'closed',
      reply: '答复',
      repliedAt: new Date('2023-06-01T02:00:00Z'),
      workingDaysToReply: days,
      repliedOnTime: onTime,
    });
    // 1 January 2023, 00:00 in Shanghai: in 2023. 1 January 2024, 00:30 in Shanghai: not.
    await crafted('xian', '2022-12-31T16:00:00Z', {
      ...answered(3, true),
      satisfaction: 'satisfied',
    });
    await crafted('xian', '2023-03-01T02:00:00Z', {
      ...answered(7, false),
      satisfaction: 'unsatisfied',
      spotCheck: 'substandard',
      // Published in the site's 公开答复.
      isPublic: true,
    });
    await crafted('xian', '2023-05-01T02:00:00Z', { status: 'rejected' });
    await crafted('xian', '2023-06-01T02:00:00Z', { status: 'accepted' });
    await crafted('xian', '2023-12-31T16:30:00Z', answered(1, true));
    // 2022: answered on time, then reopened (不满意，要求重新办理) and now past its deadline.
    await crafted('zhouzhi', '2022-06-01T02:00:00Z', {
      ...answered(2, true),
      status: 'accepted',
    });
    await crafted('closed', '2023-04-01T02:00:00Z', {
      ...answered(2, true),
      satisfaction: 'neutral',
    });
  });

  const statistics = async (year: number) =>
    (await as(province).get(`/governance/messages/statistics?year=${year}`).expect(200)).body.data;

  it("counts a year's messages per site and level, in local time, with rates from the sums", async () => {
    const data = await statistics(2023);
    const city = data.levels.find((l: { level: string }) => l.level === 'city');
    expect(city.sites.map((s: { site: { code: string } }) => s.site.code)).toEqual(['xian']);
    expect(city.sites[0].figures).toEqual({
      received: 4,
      // Refused before confirmation existed (no invalidation recorded): counted as confirmed.
      invalid: 1,
      invalidPending: 0,
      invalidRate: 1 / 4,
      flagged: 0,
      replied: 2,
      publiclyAnswered: 1,
      repliedOnTime: 1,
      // Never transferred: the site's deadline is the message's first one.
      repliedByFirstDeadline: 1,
      dueByFirstDeadline: 3,
      open: 1,
      overdue: 1,
      due: 3,
      averageWorkingDays: 5,
      replyRate: 2 / 3,
      // 按期答复率: 1 on time of the 2 answered and the 1 overdue one, not 1 of 2.
      onTimeRate: 1 / 3,
      firstDeadlineOnTimeRate: 1 / 3,
      rated: 2,
      satisfied: 1,
      neutral: 0,
      unsatisfied: 1,
      satisfactionRate: 0.5,
      spotChecked: 1,
      substandard: 1,
      transfersOut: 0,
      transfersIn: 0,
      returnsReceived: 0,
      overdueHoldings: 0,
      lateTransfers: 0,
    });
    // A closed site is listed in a year it received messages; an active one always, with zeros.
    const county = data.levels.find((l: { level: string }) => l.level === 'county');
    const bySite = (code: string) =>
      county.sites.find((s: { site: { code: string } }) => s.site.code === code);
    expect(county.sites.map((s: { site: { code: string } }) => s.site.code).sort()).toEqual([
      'closed',
      'zhouzhi',
    ]);
    expect(bySite('zhouzhi').figures).toMatchObject({
      received: 0,
      averageWorkingDays: null,
      replyRate: null,
      onTimeRate: null,
    });
    expect(county.totals).toMatchObject({
      received: 1,
      replied: 1,
      averageWorkingDays: 2,
      replyRate: 1,
      onTimeRate: 1,
      rated: 1,
      neutral: 1,
    });
    // Weighted by message: (3 + 7 + 2) / 3 working days.
    expect(data.totals).toMatchObject({
      received: 5,
      replied: 3,
      repliedOnTime: 2,
      overdue: 1,
      due: 4,
      averageWorkingDays: 4,
      replyRate: 3 / 4,
      onTimeRate: 2 / 4,
      // 满意 + 基本满意 + 不满意 = 评价数.
      rated: 3,
      satisfied: 1,
      neutral: 1,
      unsatisfied: 1,
      satisfactionRate: 1 / 3,
    });
    // Answered and overdue again: in the on-time rate's base once.
    expect((await statistics(2022)).totals).toMatchObject({
      replied: 1,
      repliedOnTime: 1,
      overdue: 1,
      due: 1,
      onTimeRate: 1,
    });
    expect((await statistics(2024)).totals).toMatchObject({
      received: 1,
      replied: 1,
      averageWorkingDays: 1,
    });
  });

  it("refuses a missing or impossible year, and is the province's alone", async () => {
    await as(province).get('/governance/messages/statistics').expect(400);
    await as(province).get('/governance/messages/statistics?year=20x3').expect(400);
    await as(handler).get('/governance/messages/statistics?year=2023').expect(403);
  });

  it('draws a sample of replied and refused messages not yet spot-checked', async () => {
    const sample = (
      await as(province).get('/governance/messages/spot-checks/sample?year=2023&size=5').expect(200)
    ).body.data;
    // The two answered ones not yet checked, and the refused one (不予受理 is sampled too).
    expect(sample).toHaveLength(3);
    expect(sample.map((m: { status: string }) => m.status).sort()).toEqual([
      'closed',
      'closed',
      'rejected',
    ]);
    expect(
      sample.every((m: { deadline: string }) => ['answered', 'answeredLate'].includes(m.deadline))
    ).toBe(true);
    expect(
      (
        await as(province)
          .get('/governance/messages/spot-checks/sample?year=2023&size=1&site=xian')
          .expect(200)
      ).body.data
    ).toHaveLength(1);
    await as(province).get('/governance/messages/spot-checks/sample?year=2023&size=0').expect(400);
  });
});

describe('overdue notices', () => {
  it("tells the site's leader once per overdue message, whichever instances run the job", async () => {
    const late = await submitted();
    const onTime = await submitted();
    // Its deadline passed an hour ago: the message's and its site's holding's.
    const passed = new Date(Date.now() - 3_600_000);
    await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .update({ where: { id: late.id }, data: { dueAt: passed } });
    await app.strapi.db
      .query(MESSAGE_HOLDING)
      .updateMany({ where: { messageId: late.id }, data: { dueAt: passed } });

    const sent: Array<{ to: string; subject: string; text: string }> = [];
    const email = app.strapi.plugin('email').service('email');
    const original = email.send;
    email.send = async (message: { to: string; subject: string; text: string }) =>
      void sent.push(message);
    app.strapi.config.set('plugin::governance.notifications.email', true);
    try {
      const overdue = app.strapi.plugin('governance').service('overdueMessages');
      // Two runs at once, as two instances would: each message is reported by one of them.
      const runs = await Promise.all([overdue.notifyOverdue(), overdue.notifyOverdue()]);
      expect(
        runs.reduce((sum: number, r: { reported: number }) => sum + r.reported, 0)
      ).toBeGreaterThanOrEqual(1);
      await overdue.notifyOverdue();
    } finally {
      email.send = original;
      app.strapi.config.set('plugin::governance.notifications.email', false);
    }
    const notices = async (id: number) =>
      (await caseOf(id)).timeline.filter((e: { action: string }) => e.action === 'overdueNotice');
    expect(await notices(late.id)).toEqual([
      expect.objectContaining({ actor: '系统', text: expect.stringContaining('负责人') }),
    ]);
    expect(await notices(onTime.id)).toEqual([]);
    // A transfer asked for does not move the message, nor hand its overdue notice to another site.
    await as(handler)
      .post(`/governance/messages/${late.id}/transfer`, {
        site: 'zhouzhi',
        reason: '属于周至县的事项',
      })
      .expect(204);
    expect(
      await app.strapi.db.query(CITIZEN_MESSAGE).findOne({ where: { id: late.id } })
    ).toMatchObject({
      overdueNotifiedAt: expect.anything(),
    });
    // One e-mail per run and site: the late message is in exactly one of them, to the leader, by
    // its case number (the query code is the citizen's alone).
    expect(sent.filter((m) => m.text.includes(late.caseNumber)).map((m) => m.to)).toEqual([
      leader.email,
    ]);
    expect(sent.some((m) => m.text.includes(late.queryCode))).toBe(false);
  });

  it('runs the job on one instance only while its lease holds', async () => {
    const overdue = app.strapi.plugin('governance').service('overdueMessages');
    await app.strapi.db.query('plugin::governance.job-lease').deleteMany({});
    const runs = await Promise.all([overdue.runJob(), overdue.runJob(), overdue.runJob()]);
    expect(runs.filter((r: { ran: boolean }) => r.ran)).toHaveLength(1);
    expect((await overdue.runJob()).ran).toBe(false);
    const lease = await app.strapi.db
      .query('plugin::governance.job-lease')
      .findOne({ where: { name: 'governance-overdue-messages' } });
    expect(lease.lastOutcome).toMatch(/^reported \d+ overdue message/);
  });
});

describe('transfer targets', () => {
  it('lists the active sites, portal first, for the transfer picker', async () => {
    const targets = (await as(handler).get('/governance/messages/transfer-targets').expect(200))
      .body.data;
    expect(targets.map((t: { code: string }) => t.code)).toEqual(['xian', 'zhouzhi']);
    expect(targets[0]).toEqual({ code: 'xian', name: '西安市民政局', level: 'city', city: null });
  });
});
