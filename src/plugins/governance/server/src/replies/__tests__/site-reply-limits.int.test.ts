/**
 * Issue 25, trick 11: a site given 60 working days for consultations, longer than the three-month
 * veto. A site's own reply days stay within the national limits (consultation 5, others 15) on
 * every write path, and days stored before the limits never give a message more.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { SITE } from '../../uids';
import { WORKING_DAYS_ERRORS } from '../site-working-days';

let app: TestApp;
let province: TestAdmin;
let xianHandler: TestAdmin;
let sites: Record<'xian' | 'slow', string>;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const CM_SITE = `/content-manager/collection-types/${SITE}`;

const storedDays = async (documentId: string) =>
  (
    (await app.strapi.db
      .query(SITE)
      .findOne({ where: { documentId }, select: ['replyWorkingDays'] })) as {
      replyWorkingDays: unknown;
    }
  ).replyWorkingDays;

beforeAll(async () => {
  app = await startApp('site-reply-limits');
  ({
    sites,
    staff: { province, xianHandler },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市民政局', level: 'city' },
      slow: { name: '慢办区民政局', level: 'county', parent: 'xian', code: 'xian-slow' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      xianHandler: ['governance-message-handler', '西安办理员', { xian: 'handler' }],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe("a site's own reply days stay within the national limits", () => {
  it('refuses 60 working days for consultations in the Content Manager, in Chinese, and keeps the old setting', async () => {
    await as(province)
      .put(`${CM_SITE}/${sites.slow}`, { replyWorkingDays: { consultation: 3 } })
      .expect(200);
    expect(await storedDays(sites.slow)).toEqual({ consultation: 3 });

    const res = await as(province)
      .put(`${CM_SITE}/${sites.slow}`, { replyWorkingDays: { consultation: 60 } })
      .expect(400);
    expect(res.body.error.message).toBe(WORKING_DAYS_ERRORS.tooLong('consultation', 60, 5));
    expect(res.body.error.message).toMatch(/咨询类留言的答复期限最长 5 个工作日/);
    expect(res.body.error.details.errors[0].path).toEqual(['replyWorkingDays']);
    expect(await storedDays(sites.slow)).toEqual({ consultation: 3 });

    // Complaints and the like: at most 15, however it is written.
    const complaint = await as(province)
      .put(`${CM_SITE}/${sites.slow}`, { replyWorkingDays: { consultation: 5, complaint: 16 } })
      .expect(400);
    expect(complaint.body.error.message).toMatch(/投诉类留言的答复期限最长 15 个工作日/);
    await as(province)
      .put(`${CM_SITE}/${sites.slow}`, {
        replyWorkingDays: { consultation: 5, complaint: 15, suggestion: 10, other: 15 },
      })
      .expect(200);
    expect(await storedDays(sites.slow)).toEqual({
      consultation: 5,
      complaint: 15,
      suggestion: 10,
      other: 15,
    });
  });

  it('refuses it through the Document Service, on create and update', async () => {
    await expect(
      app.strapi.documents(SITE).create({
        data: {
          code: 'xian-lazy',
          name: '拖延区民政局',
          level: 'county',
          replyWorkingDays: { consultation: 60 },
        } as never,
      })
    ).rejects.toThrow(WORKING_DAYS_ERRORS.tooLong('consultation', 60, 5));
    expect(await app.strapi.db.query(SITE).findOne({ where: { code: 'xian-lazy' } })).toBeNull();
    await expect(
      app.strapi.documents(SITE).update({
        documentId: sites.xian,
        data: { replyWorkingDays: { other: 61 } } as never,
      })
    ).rejects.toThrow(/其他类留言的答复期限最长 15 个工作日/);
  });

  it('gives a consultation at most 5 working days at a site whose 60 days were stored before the limits', async () => {
    // As an older version (or SQL) left it: the rule never saw this value.
    await app.strapi.db.query(SITE).update({
      where: { documentId: sites.slow },
      data: { replyWorkingDays: { consultation: 60 } },
    });
    const slow = (await submitMessage(app, { site: 'xian-slow' })).stored;
    const usual = (await submitMessage(app, { site: 'xian' })).stored;
    // What the province sees: the same five working days as any site, not sixty.
    expect(new Date(slow.dueAt).getTime()).toBe(new Date(usual.dueAt).getTime());
    expect(new Date(slow.dueAt).getTime()).toBeLessThan(Date.now() + 12 * 86_400_000);
  });

  it('leaves more time for one message to an extension the province decides', async () => {
    const message = (await submitMessage(app, { site: 'xian' })).stored;
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension`, {
        workingDays: 60,
        reason: '需要多部门会商',
      })
      .expect(400);
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension`, {
        workingDays: 5,
        reason: '需要多部门会商',
      })
      .expect(204);
    // The handler cannot grant it to themselves: the decision is the province's.
    await as(xianHandler)
      .post(`/governance/messages/${message.id}/extension/decision`, { approve: true })
      .expect(403);
    await as(province)
      .post(`/governance/messages/${message.id}/extension/decision`, {
        approve: true,
        comment: '同意',
      })
      .expect(204);
  });
});
