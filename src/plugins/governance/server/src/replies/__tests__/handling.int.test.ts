/**
 * The handling flow of citizen messages over the admin routes: sign, reply and edit the reply,
 * transfer, extension request and decision, refusal as invalid, closing. The actor is always the
 * session's user, each act is in the timeline, and another site's people cannot reach the case.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { CITIZEN_MESSAGE, MESSAGE_HOLDING } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let xianHandler: TestAdmin;
let baojiHandler: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);

/** A message as a citizen submits it, through the public route. */
const submitted = async (site = 'xian', category = 'consultation') =>
  (
    await submitMessage(app, {
      site,
      category,
      subject: '临时救助咨询',
      body: '请问临时救助怎么申请？',
      phone: '13900000000',
    })
  ).stored;

/** A reply as the province wants one: it answers the matter and names the unit that answers. */
const answer = (text: string) => ({
  text: `您好，${text}如有疑问，请拨打民政服务热线12349咨询。`,
  unit: '西安市民政局社会救助处',
});

const caseOf = async (who: TestAdmin, id: number) =>
  (await as(who).get(`/governance/messages/${id}`).expect(200)).body.data;

beforeAll(async () => {
  app = await startApp('handling');
  ({
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
});

afterAll(async () => {
  await app?.stop();
});

describe('the handling flow', () => {
  it("signs for and replies, the reply's author and date from the session, every version kept", async () => {
    const message = await submitted();
    await as(xianHandler).post(`/governance/messages/${message.id}/sign`).expect(204);
    await as(xianHandler).post(`/governance/messages/${message.id}/sign`).expect(400);

    await as(xianHandler)
      .post(`/governance/messages/${message.id}/reply`, { text: '太短' })
      .expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/reply`, {
        ...answer('临时救助可向户籍所在地街道办事处申请。'),
        repliedBy: province.id,
      })
      .expect(400);
    await as(xianHandler)
      .post(
        `/governance/messages/${message.id}/reply`,
        answer('临时救助可向户籍所在地街道办事处申请。')
      )
      .expect(204);
    const firstReply = await caseOf(xianHandler, message.id);
    expect(firstReply).toMatchObject({
      status: 'replied',
      repliedBy: expect.stringContaining('西安办理员'),
      citizen: { name: '张三' },
    });

    await as(xianHandler)
      .post(
        `/governance/messages/${message.id}/reply`,
        answer('临时救助请携带身份证到街道办事处申请。')
      )
      .expect(204);
    const edited = await caseOf(xianHandler, message.id);
    expect(edited.reply).toBe(answer('临时救助请携带身份证到街道办事处申请。').text);
    expect(edited.repliedAt).toBe(firstReply.repliedAt);
    expect(edited.timeline.map((e: { action: string }) => e.action)).toEqual([
      'sign',
      'reply',
      'editReply',
    ]);
    // Each version in the event that sent it.
    expect(edited.timeline.slice(1).map((e: { text: string }) => e.text)).toEqual([
      firstReply.reply,
      edited.reply,
    ]);
    expect(edited.timeline.every((e: { actor: string }) => e.actor.includes('西安办理员'))).toBe(
      true
    );

    const lookup = await app
      .http()
      .get(`/api/citizen-messages/lookup/${message.queryCode}`)
      .expect(200);
    expect(lookup.body.data).toMatchObject({
      status: 'replied',
      reply: edited.reply,
      replyingUnit: '西安市民政局社会救助处',
    });

    await as(xianHandler).post(`/governance/messages/${message.id}/close`).expect(204);
    expect((await caseOf(xianHandler, message.id)).status).toBe('closed');
  });

  it('transfers a case to another site once that site accepts it, and its people take it over', async () => {
    const message = await submitted();
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/transfer`, {
        site: 'xian',
        reason: '属于本市职责范围',
      })
      .expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/transfer`, {
        site: 'atlantis',
        reason: '属于其他城市职责',
      })
      .expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/transfer`, {
        site: 'baoji',
        reason: '反映的是宝鸡市的事项',
      })
      .expect(204);

    // Until accepted, the sender keeps the case; the receiver only reads it, to accept or refuse.
    expect(await caseOf(xianHandler, message.id)).toMatchObject({
      status: 'received',
      site: { code: 'xian' },
      pendingTransfer: { from: { code: 'xian' }, to: { code: 'baoji' } },
      canAnswerTransfer: false,
    });
    expect(await caseOf(baojiHandler, message.id)).toMatchObject({ canAnswerTransfer: true });
    await as(baojiHandler).post(`/governance/messages/${message.id}/sign`).expect(404);
    await as(baojiHandler).post(`/governance/messages/${message.id}/transfer/accept`).expect(204);

    await as(xianHandler).get(`/governance/messages/${message.id}`).expect(404);
    const moved = await caseOf(baojiHandler, message.id);
    expect(moved).toMatchObject({ status: 'accepted', site: { code: 'baoji' } });
    expect(moved.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'transfer',
      'acceptTransfer',
    ]);
    expect(moved.timeline.at(-2)).toMatchObject({
      fromSite: { code: 'xian' },
      toSite: { code: 'baoji' },
      text: '反映的是宝鸡市的事项',
    });
    // The message's own deadline is the first receipt's; Baoji's holding has its own.
    expect(moved.dueAt).toBe(message.dueAt);
    expect(moved.holdings).toMatchObject([
      { site: { code: 'xian' }, endedBy: 'transferred', isReturn: false },
      { site: { code: 'baoji' }, endedAt: null, isReturn: false },
    ]);
    expect(new Date(moved.holdings[1].dueAt).getTime()).toBeGreaterThanOrEqual(
      new Date(message.dueAt).getTime()
    );
  });

  it('extends the deadline by working days once a provincial admin approves', async () => {
    const message = await submitted();
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension`, {
        workingDays: 20,
        reason: '需要多部门会商',
      })
      .expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension`, {
        workingDays: 5,
        reason: '需要多部门会商',
      })
      .expect(204);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension`, {
        workingDays: 5,
        reason: '需要多部门会商',
      })
      .expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension/decision`, { approve: true })
      .expect(403);

    await as(province)
      .post(`/governance/messages/${message.id}/extension/decision`, {
        approve: true,
        comment: '同意',
      })
      .expect(204);
    const extended = await caseOf(province, message.id);
    expect(new Date(extended.dueAt).getTime()).toBeGreaterThan(
      new Date(message.dueAt).getTime() + 5 * 86_400_000
    );
    expect(extended.pendingExtension).toBeNull();
    expect(extended.timeline.map((e: { action: string }) => e.action)).toEqual([
      'requestExtension',
      'approveExtension',
    ]);
    await as(province)
      .post(`/governance/messages/${message.id}/extension/decision`, { approve: true })
      .expect(400);
  });

  it('refuses a message as invalid only with a reason', async () => {
    const message = await submitted();
    await as(xianHandler).post(`/governance/messages/${message.id}/invalid`, {}).expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/invalid`, { reason: '内容为广告信息' })
      .expect(204);
    expect((await caseOf(xianHandler, message.id)).status).toBe('rejected');
    const res = await as(xianHandler)
      .post(`/governance/messages/${message.id}/reply`, answer('这条留言不予受理。'))
      .expect(400);
    expect(res.body.error.message).toBe(ERRORS.wrongState('答复', '不予受理'));
  });

  it('records one reply when two arrive at once: the other is refused or kept as an edit', async () => {
    const message = await submitted();
    const results = await Promise.all(
      ['第一位办理员的答复内容。', '第二位办理员的答复内容。'].map((text) =>
        as(xianHandler).post(`/governance/messages/${message.id}/reply`, answer(text))
      )
    );
    expect(results.map((r) => r.status)).toContain(204);
    const { timeline } = await caseOf(xianHandler, message.id);
    expect(timeline.filter((e: { action: string }) => e.action === 'reply')).toHaveLength(1);
    expect(timeline.length).toBe(results.filter((r) => r.status === 204).length);
  });
});

describe('the inbox', () => {
  it("sorts the site's messages into tabs with counts, and searches them", async () => {
    const fresh = await submitted();
    const late = await submitted();
    // Past its deadline, and its site's holding (from receipt) with it.
    const yesterday = new Date(Date.now() - 86_400_000);
    await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .update({ where: { id: late.id }, data: { dueAt: yesterday } });
    await app.strapi.db
      .query(MESSAGE_HOLDING)
      .updateMany({ where: { messageId: late.id, state: 'open' }, data: { dueAt: yesterday } });
    const inbox = async (query: string) =>
      (await as(xianHandler).get(`/governance/messages?${query}`).expect(200)).body;

    const toSign = await inbox('tab=toSign');
    expect(toSign.data.map((m: { id: number }) => m.id)).toEqual(
      expect.arrayContaining([fresh.id, late.id])
    );
    expect(toSign.data.find((m: { id: number }) => m.id === late.id).deadline).toBe('overdue');
    const overdue = await inbox('tab=overdue');
    expect(overdue.data.map((m: { id: number }) => m.id)).toContain(late.id);
    expect(overdue.data.map((m: { id: number }) => m.id)).not.toContain(fresh.id);
    expect(overdue.meta.counts.overdue).toBe(overdue.data.length);
    expect(
      (await inbox(`tab=toSign&q=${fresh.caseNumber}`)).data.map((m: { id: number }) => m.id)
    ).toEqual([fresh.id]);
    expect((await inbox(`tab=toSign&q=${fresh.queryCode}`)).data).toEqual([]);
    expect(
      (await inbox('tab=replied')).data.every((m: { status: string }) =>
        ['replied', 'closed'].includes(m.status)
      )
    ).toBe(true);
    await as(xianHandler).get('/governance/messages?tab=everything').expect(400);
    expect(
      (await as(baojiHandler).get('/governance/messages?tab=toSign').expect(200)).body.data.map(
        (m: { id: number }) => m.id
      )
    ).not.toContain(fresh.id);
  });
});

describe('outside the flow', () => {
  it("keeps another site's handler out of every act", async () => {
    const message = await submitted();
    await as(baojiHandler).get(`/governance/messages/${message.id}`).expect(404);
    for (const [action, body] of [
      ['sign', {}],
      ['reply', answer('这是别的网站的答复。')],
      ['transfer', { site: 'baoji', reason: '抢过来办理' }],
      ['extension', { workingDays: 3, reason: '需要更多时间' }],
      ['invalid', { reason: '不是我们的事情' }],
      ['close', {}],
    ] as const) {
      await as(baojiHandler).post(`/governance/messages/${message.id}/${action}`, body).expect(404);
    }
    expect((await caseOf(xianHandler, message.id)).timeline).toEqual([]);
  });

  it('ignores flow fields written through the Content Manager', async () => {
    const message = await submitted();
    await as(xianHandler)
      .put(
        `/content-manager/collection-types/${CITIZEN_MESSAGE}/${(await app.strapi.db.query(CITIZEN_MESSAGE).findOne({ where: { id: message.id } })).documentId}`,
        {
          // (`status` in a Content Manager body is Strapi's draft/published switch: refused there.)
          reply: '伪造的答复',
          repliedAt: '2014-01-01T00:00:00.000Z',
          dueAt: '2030-01-01T00:00:00.000Z',
          // What the figures read: a refusal confirmed, a placeholder cleared, a revision hidden.
          invalidation: 'confirmed',
          replyFlagged: true,
          replyRevisedAt: '2014-01-02T00:00:00.000Z',
          repliedOnTime: true,
          holderRepliedOnTime: true,
          isPublic: true,
        }
      )
      .expect(200);
    const stored = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .findOne({ where: { id: message.id }, populate: ['repliedBy'] });
    expect(stored).toMatchObject({
      status: 'received',
      reply: null,
      repliedAt: null,
      repliedBy: null,
      invalidation: null,
      replyFlagged: false,
      replyRevisedAt: null,
      repliedOnTime: null,
      holderRepliedOnTime: null,
      isPublic: true,
    });
    expect(new Date(stored.dueAt).getTime()).toBe(new Date(message.dueAt).getTime());
  });
});
