/**
 * Figures a site cannot bend (issue 25, points 3 to 5), over real HTTP: each trick played with a
 * site's own rights, then what the province sees in 留言统计, the 抽查 sample and 站群监测's veto.
 * 3: 不予受理 waits for the province's confirmation and counts as unanswered until then.
 * 4: a placeholder reply sent over its flags counts as flagged, not answered.
 * 5: an edit of a spot-checked reply voids the verdict, and the citizen is told of the revision.
 */
import { DateTime } from 'luxon';
import { submitMessage } from '@test-helpers/citizen-form';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { MessageFigures, MessageStatistics } from '../../../../shared/contracts/messages';
import type { SiteOversight } from '../../../../shared/contracts/oversight';
import type { RankingResponse } from '../../../../shared/contracts/rankings';
import { ERRORS } from '../messages';
import { AUDIT_ENTRY, CITIZEN_MESSAGE, MESSAGE_HOLDING } from '../../uids';

const ZONE = 'Asia/Shanghai';

let app: TestApp;
let province: TestAdmin;
let inspector: TestAdmin;
let handler: TestAdmin;
let leader: TestAdmin;
let vetoHandler: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const year = DateTime.now().setZone(ZONE).year;

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
const PLACEHOLDER = { text: '您的留言已收悉，谢谢。', acknowledgeFlags: true };

const figures = async (site = 'xian'): Promise<MessageFigures> => {
  const data = (await as(province).get(`/governance/messages/statistics?year=${year}`).expect(200))
    .body.data as MessageStatistics;
  return data.levels.flatMap((l) => l.sites).find((s) => s.site.code === site)!.figures;
};
/** 答复 of the site in the year's live ranking, which the annual notice quotes. */
const rankingReplies = async (site = 'xian') =>
  (
    (await as(province).get(`/governance/rankings?year=${year}`).expect(200)).body
      .data as RankingResponse
  ).live.groups
    .flatMap((g) => g.rows)
    .find((row) => row.site.code === site)!.replies;
const sampleIds = async (site = 'xian') =>
  (
    await as(province)
      .get(`/governance/messages/spot-checks/sample?year=${year}&size=50&site=${site}`)
      .expect(200)
  ).body.data.map((m: { id: number }) => m.id) as number[];
const caseOf = async (id: number) =>
  (await as(province).get(`/governance/messages/${id}`).expect(200)).body.data;
const lookup = async (queryCode: string) =>
  (await app.http().get(`/api/citizen-messages/lookup/${queryCode}`).expect(200)).body.data;
/**
 * A message of the veto site received four months ago, signed, past its deadline: the message
 * and its site's holding are set back (time cannot be waited for).
 */
const receivedFourMonthsAgo = async () => {
  const old = await submitted('veto');
  const receivedAt = DateTime.now().setZone(ZONE).minus({ months: 4 }).toJSDate();
  const dueAt = DateTime.now().setZone(ZONE).minus({ months: 3, days: 20 }).toJSDate();
  await app.strapi.db.query(CITIZEN_MESSAGE).update({
    where: { id: old.id },
    data: { receivedAt, dueAt, status: 'accepted' },
  });
  await app.strapi.db
    .query(MESSAGE_HOLDING)
    .updateMany({ where: { messageId: old.id }, data: { startedAt: receivedAt, dueAt } });
  return old;
};
const vetoRule = async () => {
  const sites = (await as(province).get('/governance/oversight').expect(200)).body
    .data as SiteOversight[];
  return sites
    .find((s) => s.site.code === 'veto')!
    .rules.find((r) => r.rule === 'unansweredMessage')!;
};
const auditCount = (action: string) =>
  app.strapi.db.query(AUDIT_ENTRY).count({ where: { action } });
const decide = (admin: TestAdmin, id: number, body: Record<string, unknown>) =>
  as(admin).post(`/governance/messages/${id}/invalid/decision`, body);
const markInvalid = (admin: TestAdmin, id: number) =>
  as(admin).post(`/governance/messages/${id}/invalid`, { reason: '内容为广告信息' }).expect(204);

beforeAll(async () => {
  app = await startApp('figures-validity');
  ({
    staff: { province, inspector, handler, leader, vetoHandler },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市民政局', level: 'city', active: true },
      veto: { name: '周至县民政局', level: 'county', active: true },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      inspector: ['governance-provincial-admin', '督查'],
      handler: ['governance-message-handler', '办理员', { xian: 'handler' }],
      leader: ['governance-site-editor', '负责人', { xian: 'leader' }],
      vetoHandler: ['governance-message-handler', '周至办理员', { veto: 'handler' }],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe('不予受理 waits for the province (point 3)', () => {
  it('keeps a refused message received and unanswered, and in the 抽查 pool, until the province confirms it', async () => {
    const before = await figures();
    const message = await submitted();
    await markInvalid(handler, message.id);

    const pending = await figures();
    expect(pending).toMatchObject({
      received: before.received + 1,
      invalid: before.invalid,
      invalidPending: before.invalidPending + 1,
      open: before.open + 1,
      replied: before.replied,
    });
    expect(pending.invalidRate).toBeCloseTo(
      (pending.invalid + pending.invalidPending) / pending.received
    );
    // Counted as valid and unanswered: the reply rate's base keeps it.
    expect(pending.replyRate).toBe(
      pending.received - pending.invalid > 0
        ? pending.replied / (pending.received - pending.invalid)
        : null
    );
    expect(await sampleIds()).toContain(message.id);
    expect(await caseOf(message.id)).toMatchObject({
      status: 'rejected',
      invalidation: 'pending',
    });
    expect(await auditCount('message.markInvalid')).toBeGreaterThanOrEqual(1);

    // The province finds it on the desk's tab for pending refusals.
    const desk = (await as(province).get('/governance/messages?tab=invalidPending').expect(200))
      .body;
    expect(desk.data.map((m: { id: number }) => m.id)).toContain(message.id);
    expect(desk.meta.counts.invalidPending).toBeGreaterThanOrEqual(1);

    // The site's own handler and leader cannot confirm their refusal.
    await decide(handler, message.id, { confirm: true }).expect(403);
    await decide(leader, message.id, { confirm: true }).expect(403);
    expect((await figures()).invalidPending).toBe(pending.invalidPending);

    await decide(inspector, message.id, { confirm: 'yes' }).expect(400);
    await decide(inspector, message.id, { confirm: true, comment: '确属广告' }).expect(204);
    const confirmed = await figures();
    expect(confirmed).toMatchObject({
      received: pending.received,
      invalid: pending.invalid + 1,
      invalidPending: pending.invalidPending - 1,
      open: pending.open - 1,
    });
    // Confirmed, it stays in the pool: a confirmation is sampled too.
    expect(await sampleIds()).toContain(message.id);
    const decided = await caseOf(message.id);
    expect(decided.invalidation).toBe('confirmed');
    expect(decided.timeline.slice(-2)).toMatchObject([
      { action: 'markInvalid', text: '内容为广告信息' },
      { action: 'confirmInvalid', text: '确属广告', actor: expect.stringContaining('督查') },
    ]);
    expect(await auditCount('message.invalidDecision')).toBeGreaterThanOrEqual(1);
    await decide(inspector, message.id, { confirm: true }).expect(400);
  });

  it('lets nobody confirm a refusal of their own, not even a provincial admin', async () => {
    const message = await submitted();
    await markInvalid(province, message.id);
    const res = await decide(province, message.id, { confirm: true }).expect(403);
    expect(res.body.error.message).toBe(ERRORS.ownInvalidation);
    await decide(inspector, message.id, { confirm: true }).expect(204);
  });

  it('puts an overturned refusal back into handling with its original deadline', async () => {
    const message = await submitted();
    const { dueAt } = await caseOf(message.id);
    await markInvalid(handler, message.id);
    const res = await decide(inspector, message.id, { confirm: false }).expect(400);
    expect(res.body.error.message).toBe(ERRORS.invalidComment);
    await decide(inspector, message.id, {
      confirm: false,
      comment: '留言有具体诉求，应予办理',
    }).expect(204);
    const back = await caseOf(message.id);
    expect(back).toMatchObject({ status: 'accepted', invalidation: null, dueAt });
    expect(back.timeline.at(-1)).toMatchObject({
      action: 'overturnInvalid',
      text: '留言有具体诉求，应予办理',
    });
    await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
  });

  it('keeps the unanswered-message veto on a site that refuses its oldest message, until confirmed', async () => {
    const old = await receivedFourMonthsAgo();
    expect(await vetoRule()).toMatchObject({ status: 'tripped' });

    await markInvalid(vetoHandler, old.id);
    expect(await vetoRule()).toMatchObject({ status: 'tripped' });
    const detail = (await as(province).get('/governance/oversight').expect(200)).body.data.find(
      (s: SiteOversight) => s.site.code === 'veto'
    );
    expect(detail.oldestUnanswered).toMatchObject({ subject: '低保申请' });

    await decide(inspector, old.id, { confirm: true }).expect(204);
    expect(await vetoRule()).toMatchObject({ status: 'ok' });
  });
});

describe('a placeholder reply is not an answer (point 4)', () => {
  it('keeps the unanswered-message veto on a site that answers its oldest message with a placeholder', async () => {
    const old = await receivedFourMonthsAgo();
    expect(await vetoRule()).toMatchObject({ status: 'tripped' });

    // The trick: 您的留言已收悉 on the 120th day.
    await as(vetoHandler).post(`/governance/messages/${old.id}/reply`, PLACEHOLDER).expect(204);
    expect(await vetoRule()).toMatchObject({ status: 'tripped' });

    await as(vetoHandler).post(`/governance/messages/${old.id}/reply`, GOOD_REPLY).expect(204);
    expect(await vetoRule()).toMatchObject({ status: 'ok' });
  });

  it('counts a flagged reply as flagged until a substantive reply follows, whose date counts', async () => {
    const before = await figures();
    const rankedBefore = await rankingReplies();
    const message = await submitted();
    await as(handler).post(`/governance/messages/${message.id}/reply`, PLACEHOLDER).expect(204);
    // Nor is it a reply in the ranking.
    expect(await rankingReplies()).toBe(rankedBefore);

    const flagged = await figures();
    expect(flagged).toMatchObject({
      flagged: before.flagged + 1,
      replied: before.replied,
      repliedOnTime: before.repliedOnTime,
    });
    // The citizen still sees the reply.
    expect(await lookup(message.queryCode)).toMatchObject({
      status: 'replied',
      reply: PLACEHOLDER.text,
    });
    expect((await caseOf(message.id)).replyFlagged).toBe(true);

    // Its deadline passes while only the placeholder stands: due, and not on time. The site
    // holds it from receipt, so its holding's deadline is the message's, and passes with it.
    const passed = new Date(Date.now() - 3_600_000);
    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { id: message.id },
      data: { dueAt: passed },
    });
    await app.strapi.db
      .query(MESSAGE_HOLDING)
      .updateMany({ where: { messageId: message.id, state: 'open' }, data: { dueAt: passed } });
    const late = await figures();
    expect(late).toMatchObject({ due: flagged.due + 1, repliedOnTime: flagged.repliedOnTime });
    expect(late.onTimeRate).toBe(late.repliedOnTime / late.due);

    // The substantive reply, after the deadline: answered, late.
    await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
    const answered = await figures();
    expect(answered).toMatchObject({
      flagged: before.flagged,
      replied: before.replied + 1,
      repliedOnTime: before.repliedOnTime,
      due: late.due,
    });
    expect(await rankingReplies()).toBe(rankedBefore + 1);
    const row = await app.strapi.db.query(CITIZEN_MESSAGE).findOne({ where: { id: message.id } });
    expect(row).toMatchObject({
      replyFlagged: false,
      repliedOnTime: false,
      holderRepliedOnTime: false,
      workingDaysToReply: 0,
    });
  });

  it('counts a substantive reply at once, and a later placeholder edit does not undo it', async () => {
    const before = await figures();
    const message = await submitted();
    await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
    await as(handler).post(`/governance/messages/${message.id}/reply`, PLACEHOLDER).expect(204);
    expect(await figures()).toMatchObject({
      flagged: before.flagged,
      replied: before.replied + 1,
      repliedOnTime: before.repliedOnTime + 1,
    });
  });
});

describe('an edit voids a spot check (point 5)', () => {
  it('voids the verdict of an edited reply, puts it back in the pool and tells the citizen', async () => {
    const message = await submitted();
    await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
    expect((await lookup(message.queryCode)).replyRevised).toBeNull();
    await as(province)
      .post(`/governance/messages/${message.id}/spot-check`, {
        verdict: 'substandard',
        comment: '未说明办理依据',
      })
      .expect(204);
    expect(await sampleIds()).not.toContain(message.id);
    const checked = await figures();
    const voided = await auditCount('message.spotCheckVoided');

    const revised = `${GOOD_REPLY.text}依据为《社会救助暂行办法》第九条。`;
    await as(handler)
      .post(`/governance/messages/${message.id}/reply`, { ...GOOD_REPLY, text: revised })
      .expect(204);

    const after = await figures();
    expect(after).toMatchObject({
      spotChecked: checked.spotChecked - 1,
      substandard: checked.substandard - 1,
    });
    expect(await sampleIds()).toContain(message.id);
    const edited = await caseOf(message.id);
    expect(edited.spotCheck).toBeNull();
    expect(edited.timeline.slice(-2)).toMatchObject([
      { action: 'editReply', text: revised },
      { action: 'voidSpotCheck', verdict: 'substandard' },
    ]);
    expect(await auditCount('message.spotCheckVoided')).toBe(voided + 1);

    // The citizen's lookup says the reply was revised, and when, in Beijing time and Chinese.
    const seen = await lookup(message.queryCode);
    expect(seen.reply).toBe(revised);
    const at = DateTime.fromISO(seen.replyRevisedAt).setZone(ZONE);
    expect(seen.replyRevised).toBe(
      `答复已于${at.year}年${at.month}月${at.day}日 ${at.toFormat('HH:mm')}（北京时间）修改`
    );

    // Checked again, the new verdict stands.
    await as(province)
      .post(`/governance/messages/${message.id}/spot-check`, { verdict: 'standard' })
      .expect(204);
    expect((await caseOf(message.id)).spotCheck).toMatchObject({ verdict: 'standard' });
  });
});
