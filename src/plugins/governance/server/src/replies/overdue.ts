import type { Core } from '@strapi/strapi';
import { SYSTEM_ACTOR } from '../audit/sentence';
import { runWithLease } from '../jobs/lease';
import { siteLeaders } from '../sites/scope';
import { emailsOn, sendEmail } from '../utils/email';
import { personName } from '../utils/person-name';
import { OPEN_STATUSES } from '../../../shared/contracts/messages';
import { CITIZEN_MESSAGE, MESSAGE_EVENT } from '../uids';
import { holdings } from './holdings';

const EVENT = MESSAGE_EVENT;
const OPEN = [...OPEN_STATUSES];
export const OVERDUE_JOB = 'governance-overdue-messages';

/**
 * 超期提醒: each site's leader (第一责任人, the site's `leader` members) hears of every message of
 * the site that became overdue, once per message: the message is claimed with a guarded update
 * (only while unclaimed), so two instances never both report it, and the claim, the timeline
 * entry and the e-mail belong to whichever instance won it.
 */
const overdueService = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    /**
     * Reports the messages overdue at `now` not reported yet; answers how many per site. Once
     * `signal` aborts (the job's lease lost), no more messages are claimed; the ones claimed
     * already are still reported, since no other run will.
     */
    async notifyOverdue(now = new Date(), signal?: AbortSignal) {
      const due = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
        where: { status: { $in: OPEN }, dueAt: { $lt: now }, overdueNotifiedAt: { $null: true } },
        select: ['id', 'subject', 'caseNumber', 'dueAt'],
        populate: { site: { select: ['documentId', 'name'] } },
        orderBy: { dueAt: 'asc' },
      })) as Array<{
        id: number;
        subject: string;
        caseNumber: string | null;
        dueAt: string;
        site: { documentId: string; name: string } | null;
      }>;

      // A site that accepted a transferred message answers by its own holding's deadline: it is
      // told when that passes, not at once for the time the sender held it.
      const holderDue = await holdings(strapi).openDue(due.map((message) => message.id));
      const notYet = new Set(
        [...holderDue].filter(([, dueAt]) => dueAt >= now).map(([messageId]) => messageId)
      );

      const claimed: typeof due = [];
      for (const message of due) {
        if (notYet.has(message.id)) continue;
        if (signal?.aborted) break;
        const { count } = await strapi.db.query(CITIZEN_MESSAGE).updateMany({
          where: { id: message.id, overdueNotifiedAt: { $null: true } },
          data: { overdueNotifiedAt: now },
        });
        if (count === 1) claimed.push(message);
      }

      const bySite = new Map<string, typeof due>();
      for (const message of claimed) {
        if (!message.site) continue;
        bySite.set(message.site.documentId, [
          ...(bySite.get(message.site.documentId) ?? []),
          message,
        ]);
      }
      const leadersBySite = await siteLeaders(strapi, [...bySite.keys()]);
      for (const [siteDocumentId, messages] of bySite) {
        const leaders = leadersBySite.get(siteDocumentId) ?? [];
        const told =
          leaders.length > 0
            ? `已提醒第一责任人：${leaders.map(personName).join('、')}`
            : '本站未指定第一责任人，无人可提醒';
        for (const message of messages) {
          await strapi.db.query(EVENT).create({
            data: {
              message: message.id,
              action: 'overdueNotice',
              actorName: SYSTEM_ACTOR,
              text: told,
            },
          });
        }
        if (emailsOn(strapi)) {
          const siteName = messages[0].site!.name;
          const list = messages
            .map((m) => `· ${m.subject}（编号 ${m.caseNumber ?? m.id}）`)
            .join('\n');
          for (const leader of leaders) {
            await sendEmail(
              strapi,
              leader.email,
              `【留言超期】${siteName}有 ${messages.length} 条留言已超过答复期限`,
              `${personName(leader)}：\n\n${siteName}的以下网民留言已超过答复期限，请督促办理：\n${list}\n\n请登录后台“站群管理 → 留言办理 → 已超期”查看。`
            );
          }
        }
      }
      return { reported: claimed.length, sites: bySite.size };
    },

    /** The hourly job: one instance of several reports, under the job's lease. */
    async runJob() {
      return runWithLease(strapi, OVERDUE_JOB, 10 * 60 * 1000, async (signal) => {
        const { reported, sites } = await service.notifyOverdue(new Date(), signal);
        return `reported ${reported} overdue message(s) of ${sites} site(s)`;
      });
    },
  };
  return service;
};

export default overdueService;
