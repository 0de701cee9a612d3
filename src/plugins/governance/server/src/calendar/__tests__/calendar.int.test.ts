/**
 * 节假日安排 over the admin routes: the province enters 2027 (which chinese-days does not know),
 * the open messages due in 2027 get their deadlines recomputed with a timeline event and an audit
 * entry, and neither a site's people nor bad input change anything.
 */
import { HOLIDAYS_2027, NOTICE_2027 } from '@test-helpers/holidays-2027';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';

const MESSAGE = 'api::citizen-message.citizen-message';
const EVENT = 'plugin::governance.message-event';
const AUDIT = 'plugin::governance.audit-entry';
const SITE = 'api::site.site';
const HOLDING = 'plugin::governance.message-holding';

let app: TestApp;
let province: TestAdmin;
let handler: TestAdmin;
let siteId: number;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const calendarService = () => app.strapi.plugin('governance').service('calendar');
/** A local Shanghai time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();

let serial = 0;
/** An open message as if received earlier, with the deadline it was given then. */
const message = async (fields: { receivedAt: string; dueAt: string; status?: string }) => {
  serial += 1;
  return (await app.strapi.db.query(MESSAGE).create({
    data: {
      site: siteId,
      category: 'complaint',
      subject: `测试留言 ${serial}`,
      body: '小区门口道路破损已久，请尽快维修。',
      name: '张三',
      phone: '13900000000',
      queryCode: `CALTEST${String(serial).padStart(5, '0')}`,
      status: fields.status ?? 'accepted',
      receivedAt: new Date(fields.receivedAt),
      dueAt: new Date(fields.dueAt),
      revision: 1,
    },
  })) as { id: number };
};

const dueOf = async (id: number) =>
  new Date((await app.strapi.db.query(MESSAGE).findOne({ where: { id } })).dueAt).toISOString();

beforeAll(async () => {
  app = await startApp('calendar');
  const site = await app.strapi
    .documents(SITE)
    .create({ data: { code: 'xian', name: '西安市民政局', level: 'city', active: true } });
  siteId = (await app.strapi.db.query(SITE).findOne({ where: { documentId: site.documentId } })).id;
  province = await createAdmin(app, 'governance-provincial-admin', '省厅');
  handler = await createAdmin(app, 'governance-message-handler', '西安办理员');
  await app.strapi
    .plugin('governance')
    .service('sites')
    .addMember(
      { userId: handler.id, siteDocumentId: site.documentId, capacity: 'handler' },
      { actor: 'system' }
    );
});

afterAll(async () => {
  await app?.stop();
});

describe('the holiday calendar', () => {
  it('warns from 1 November while next year is unknown', () => {
    const before = calendarService().status(at('2026-10-31T23:30:00'));
    const after = calendarService().status(at('2026-11-01T00:30:00'));
    expect(before).toMatchObject({ year: 2026, nextYear: 2027, missingNextYear: false });
    expect(after).toMatchObject({
      year: 2026,
      nextYear: 2027,
      nextYearKnown: false,
      missingNextYear: true,
      currentYearKnown: true,
      warnFrom: '2026-11-01',
    });
  });

  it("refuses a site's people on every route", async () => {
    const body = { holidays: HOLIDAYS_2027 };
    await as(handler).get('/governance/calendar').expect(403);
    await as(handler).get('/governance/calendar/status').expect(403);
    await as(handler)
      .post('/governance/calendar/parse', { year: 2027, text: NOTICE_2027 })
      .expect(403);
    await as(handler).put('/governance/calendar/2027', body).expect(403);
    await app.http().put('/governance/calendar/2027').send(body).expect(401);
  });

  it('refuses bad input with what to fix, in Chinese, and changes nothing', async () => {
    const put = (year: string | number, body: object) =>
      as(province).put(`/governance/calendar/${year}`, body).expect(400);
    const message = async (res: Promise<{ body: { error: { message: string } } }>) =>
      (await res).body.error.message;
    const spring = { name: '春节', start: '2027-02-05', end: '2027-02-13', workdays: [] };

    expect(await message(put(1999, { holidays: HOLIDAYS_2027 }))).toMatch(/年份须为 2004 至/);
    expect(await message(put(2200, { holidays: HOLIDAYS_2027 }))).toMatch(/年份须为/);
    expect(await message(put('abc', { holidays: HOLIDAYS_2027 }))).toMatch(/年份须为/);
    expect(await message(put(2027, {}))).toMatch(/请提交节假日安排/);
    expect(await message(put(2027, { holidays: [] }))).toMatch(/至少填写一个节日/);
    expect(await message(put(2027, { holidays: [{ ...spring, start: '2027-02-30' }] }))).toMatch(
      /开始日期“2027-02-30”不是有效日期/
    );
    expect(await message(put(2027, { holidays: [{ ...spring, start: '2月5日' }] }))).toMatch(
      /不是有效日期/
    );
    expect(await message(put(2027, { holidays: [{ ...spring, start: '2027-02-14' }] }))).toMatch(
      /早于开始日期/
    );
    expect(
      await message(
        put(2027, {
          holidays: [spring, { name: '元宵节', start: '2027-02-13', end: '2027-02-14' }],
        })
      )
    ).toMatch(/“春节”与“元宵节”的放假日期重叠/);
    expect(
      await message(put(2027, { holidays: [{ ...spring, workdays: ['2027-02-17'] }] }))
    ).toMatch(/本来就是工作日/);
    expect(
      await message(
        put(2027, { holidays: [{ ...spring, start: '2028-02-05', end: '2028-02-06' }] })
      )
    ).toMatch(/不在 2027 年内/);
    expect(
      await message(
        as(province)
          .post('/governance/calendar/parse', { year: 2027, text: '随便写点什么' })
          .expect(400)
      )
    ).toMatch(/没有识别出任何节日/);
    expect(
      await message(
        as(province)
          .post('/governance/calendar/parse', {
            year: 2027,
            text: '春节：2月5日至13日放假\n2月20日上班',
          })
          .expect(400)
      )
    ).toMatch(/第 2 行/);

    const overview = (await as(province).get('/governance/calendar').expect(200)).body.data;
    expect(overview.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      source: 'missing',
      holidays: [],
    });
    expect(await app.strapi.db.query('plugin::governance.holiday-year').count()).toBe(0);
  });

  it('enters 2027 from the notice and recomputes the open deadlines that reach into it', async () => {
    // Received Friday 20 November 2026 with 30 working days: on weekdays alone (2027 unknown)
    // the 30th is Friday 1 January 2027; with 元旦 off it is Monday 4 January.
    const plain = await message({
      receivedAt: iso('2026-11-20T10:00:00'),
      dueAt: iso('2027-01-01T23:59:59.999'),
    });
    // The same, extended by 5 working days (approved): Friday 8 January, now Monday 11 January.
    const extended = await message({
      receivedAt: iso('2026-11-20T10:00:00'),
      dueAt: iso('2027-01-08T23:59:59.999'),
    });
    await app.strapi.db.query(EVENT).create({
      data: {
        message: extended.id,
        action: 'approveExtension',
        actorName: '省厅',
        workingDays: 5,
        dueAtBefore: at('2027-01-01T23:59:59.999'),
        dueAtAfter: at('2027-01-08T23:59:59.999'),
      },
    });
    // Due before 2027, and answered: left alone.
    const due2026 = await message({
      receivedAt: iso('2026-11-20T10:00:00'),
      dueAt: iso('2026-11-27T23:59:59.999'),
    });
    const replied = await message({
      receivedAt: iso('2026-11-20T10:00:00'),
      dueAt: iso('2027-01-01T23:59:59.999'),
      status: 'replied',
    });

    const parsed = (
      await as(province)
        .post('/governance/calendar/parse', { year: 2027, text: NOTICE_2027 })
        .expect(200)
    ).body.data;
    expect(parsed.holidays).toEqual(HOLIDAYS_2027);

    const saved = (
      await as(province)
        .put('/governance/calendar/2027', { ...parsed, note: '国办发明电〔2026〕7号（测试）' })
        .expect(200)
    ).body.data;
    expect(saved).toMatchObject({
      year: 2027,
      source: 'entered',
      updatedBy: expect.stringContaining('省厅'),
    });
    expect(saved.holidays.find((h: { name: string }) => h.name === '春节')).toEqual({
      name: '春节',
      start: '2027-02-05',
      end: '2027-02-13',
      days: 9,
      workdays: ['2027-02-20'],
    });

    await calendarService().idle();
    expect(await dueOf(plain.id)).toBe(iso('2027-01-04T23:59:59.999'));
    expect(await dueOf(extended.id)).toBe(iso('2027-01-11T23:59:59.999'));
    expect(await dueOf(due2026.id)).toBe(iso('2026-11-27T23:59:59.999'));
    expect(await dueOf(replied.id)).toBe(iso('2027-01-01T23:59:59.999'));

    // The case's timeline says what moved and why.
    const timeline = (await as(province).get(`/governance/messages/${extended.id}`).expect(200))
      .body.data.timeline;
    expect(timeline[timeline.length - 1]).toMatchObject({
      action: 'deadlineRecalculated',
      workingDays: 35,
      dueAtBefore: iso('2027-01-08T23:59:59.999'),
      dueAtAfter: iso('2027-01-11T23:59:59.999'),
      text: '依据 2027 年节假日安排',
    });

    const audit = await app.strapi.db.query(AUDIT).findMany({
      where: { action: { $in: ['calendar.update', 'message.deadlineRecalculated'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'calendar.update',
      'message.deadlineRecalculated',
      'message.deadlineRecalculated',
    ]);
    expect(audit[0].summary).toMatch(/省厅 \d+（省厅管理员）录入2027年节假日安排：7 个节日/);

    const overview = (await as(province).get('/governance/calendar').expect(200)).body.data;
    expect(overview.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      source: 'entered',
      note: '国办发明电〔2026〕7号（测试）',
      recalculation: { state: 'done', checked: 2, changed: 2 },
    });
    expect(calendarService().status(at('2026-11-15T10:00:00'))).toMatchObject({
      nextYearKnown: true,
      missingNextYear: false,
    });
    const status = (await as(province).get('/governance/calendar/status').expect(200)).body.data;
    expect(status).toHaveProperty('missingNextYear');

    // Deadlines set from now on are counted on it.
    expect(calendarService().current().enteredYears.has(2027)).toBe(true);
  });

  it('entering the year again recomputes from the days recorded, not twice over', async () => {
    // Spring Festival one day longer: nothing in January moves, no new events.
    const longer = HOLIDAYS_2027.map((h) => (h.name === '春节' ? { ...h, end: '2027-02-14' } : h));
    await as(province).put('/governance/calendar/2027', { holidays: longer }).expect(200);
    await calendarService().idle();
    const events = await app.strapi.db
      .query(EVENT)
      .count({ where: { action: 'deadlineRecalculated' } });
    expect(events).toBe(2);
    const overview = (await as(province).get('/governance/calendar').expect(200)).body.data;
    expect(overview.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      recalculation: { state: 'done', changed: 0 },
    });
  });
});

describe('holdings on a changed calendar', () => {
  it("moves an accepted holding's deadline by its own clock, and the message's only by its own", async () => {
    const baoji = await app.strapi
      .documents(SITE)
      .create({ data: { code: 'baoji', name: '宝鸡市民政局', level: 'city', active: true } });
    const baojiId = (
      await app.strapi.db.query(SITE).findOne({ where: { documentId: baoji.documentId } })
    ).id;
    /**
     * Received 20 November 2026 (first deadline 4 December), transferred and accepted by 宝鸡 on
     * Tuesday 1 December with 23 working days of its own: Monday 4 January 2027 once 元旦
     * (1–3 January) is off.
     */
    const transferred = async (misassigned: boolean) => {
      const accepted = at('2026-12-01T10:00:00');
      const holderDue = at('2027-01-04T23:59:59.999');
      const row = await message({
        receivedAt: iso('2026-11-20T10:00:00'),
        dueAt: misassigned ? holderDue.toISOString() : iso('2026-12-04T23:59:59.999'),
      });
      await app.strapi.db.query(MESSAGE).update({ where: { id: row.id }, data: { site: baojiId } });
      const holdings = app.strapi.db.query(HOLDING);
      await holdings.create({
        data: {
          messageId: row.id,
          siteId,
          state: 'ended',
          startedAt: at('2026-11-20T10:00:00'),
          endedAt: accepted,
          endedBy: 'transferred',
          dueAt: at('2026-12-04T23:59:59.999'),
          isReturn: false,
        },
      });
      const holding = await holdings.create({
        data: {
          messageId: row.id,
          siteId: baojiId,
          fromSiteId: siteId,
          state: 'open',
          startedAt: accepted,
          dueAt: holderDue,
          isReturn: false,
        },
      });
      // The transfer request after the first deadline restarts no clock.
      await app.strapi.db.query(EVENT).create({
        data: {
          message: row.id,
          action: 'transfer',
          actorName: '西安办理员',
          createdAt: at('2026-11-30T10:00:00'),
        },
      });
      if (misassigned)
        await app.strapi.db.query(EVENT).create({
          data: {
            message: row.id,
            action: 'misassigned',
            actorName: '省厅',
            dueAtBefore: at('2026-12-04T23:59:59.999'),
            dueAtAfter: holderDue,
            createdAt: at('2026-12-03T10:00:00'),
          },
        });
      return { id: row.id, holdingId: holding.id as number };
    };
    const plain = await transferred(false);
    const ruled = await transferred(true);
    // Answered only with a flagged placeholder: 宝鸡 still holds it, against its own deadline.
    const placeholder = await transferred(false);
    await app.strapi.db.query(MESSAGE).update({
      where: { id: placeholder.id },
      data: { status: 'replied', replyFlagged: true, repliedAt: at('2026-12-02T10:00:00') },
    });

    // 元旦 one day longer, to Monday 4 January.
    const longer = HOLIDAYS_2027.map((h) => (h.name === '元旦' ? { ...h, end: '2027-01-04' } : h));
    await as(province).put('/governance/calendar/2027', { holidays: longer }).expect(200);
    await calendarService().idle();

    const holdingDue = async (id: number) =>
      new Date((await app.strapi.db.query(HOLDING).findOne({ where: { id } })).dueAt).toISOString();
    // 宝鸡's deadline moves a day; the citizen's first deadline (2026) stays.
    expect(await holdingDue(plain.holdingId)).toBe(iso('2027-01-05T23:59:59.999'));
    expect(await dueOf(plain.id)).toBe(iso('2026-12-04T23:59:59.999'));
    // Ruled misassigned, the message runs on 宝鸡's clock: both move alike.
    expect(await holdingDue(ruled.holdingId)).toBe(iso('2027-01-05T23:59:59.999'));
    expect(await dueOf(ruled.id)).toBe(iso('2027-01-05T23:59:59.999'));
    expect(await holdingDue(placeholder.holdingId)).toBe(iso('2027-01-05T23:59:59.999'));

    const timeline = (await as(province).get(`/governance/messages/${plain.id}`).expect(200)).body
      .data;
    expect(timeline.holdings.at(-1)).toMatchObject({
      site: { code: 'baoji' },
      dueAt: iso('2027-01-05T23:59:59.999'),
    });
    expect(timeline.timeline.at(-1)).toMatchObject({
      action: 'deadlineRecalculated',
      toSite: { code: 'baoji' },
      workingDays: 23,
      dueAtBefore: iso('2027-01-04T23:59:59.999'),
      dueAtAfter: iso('2027-01-05T23:59:59.999'),
    });
    const audit = await app.strapi.db.query(AUDIT).findMany({
      where: { action: 'message.deadlineRecalculated', subject: `message ${plain.id}` },
    });
    expect(audit.map((e: { summary: string }) => e.summary)).toEqual([
      expect.stringContaining('在宝鸡市民政局的持有期限：23 个工作日'),
    ]);
  });
});
