import type { Core } from '@strapi/strapi';
import type {
  GroupTodos,
  SiteStanding,
  Workbench,
  WorkbenchProfile,
} from '../../../shared/contracts/workbench';
import type { GovernanceConfig } from '../config';
import { ACTIONS } from '../permissions';
import { siteScope } from '../sites/scope';
import { ADMIN_USER } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';

/** Whether the caller holds a plugin action (the request's RBAC ability). */
export type Can = (action: (typeof ACTIONS)[keyof typeof ACTIONS]) => boolean;

/** The inbox tabs a site's handler starts the day with. */
const HANDLER_TABS = ['toSign', 'dueSoon', 'overdue', 'pendingExtension'] as const;

/**
 * 工作台: what waits for the caller, asked of the concern that keeps each figure (review,
 * message handling, oversight alerts, accounts), each one count or one grouped query. A part
 * is answered only when the caller holds its action, and within their sites: a site-bound user
 * gets their sites' articles, reviews and messages; a provincial admin (every site) gets the
 * group's figures instead of a handler's or an editor's, which would be the whole group's.
 */
const workbenchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const profileOf = async (user: AdminUser, groupWide: boolean): Promise<WorkbenchProfile> => {
    const account = (await strapi.db.query(ADMIN_USER).findOne({
      where: { id: user.id },
      select: ['id', 'firstname', 'lastname', 'email'],
      populate: { roles: { select: ['name'] } },
    })) as
      | (Pick<AdminUser, 'id' | 'firstname' | 'lastname' | 'email'> & {
          roles: Array<{ name: string }>;
        })
      | null;
    return {
      name: personName(account ?? user),
      roles: (account?.roles ?? []).map((role) => role.name),
      groupWide,
      sites: await getService(strapi, 'sites').sitesOf(user.id),
    };
  };

  /**
   * The group's sites by the daily check's verdicts; before its first run (a freshly installed
   * group) judged now, as 站群监测 does on every visit, so that the card has its figures.
   */
  const standingOf = async (now: Date): Promise<SiteStanding> => {
    const stored = await getService(strapi, 'oversightAlerts').standingCounts();
    if (stored.checkedAt) return stored;
    const sites = await getService(strapi, 'oversight').bySite(now);
    const count = (status: 'tripped' | 'warning') =>
      sites.filter((site) => site.status === status).length;
    return { tripped: count('tripped'), warning: count('warning'), checkedAt: null };
  };

  const groupOf = async (user: AdminUser, can: Can, now: Date): Promise<GroupTodos> => {
    const desk = getService(strapi, 'messageDesk');
    const [sites, overdue, extension, passwords] = await Promise.all([
      can(ACTIONS.oversightRead) ? standingOf(now) : null,
      // The inbox is where either list opens: it needs messages.handle.
      can(ACTIONS.messagesHandle) ? desk.countTabs(user, ['overdue'], {}, now) : null,
      can(ACTIONS.messagesExtend) && can(ACTIONS.messagesHandle)
        ? desk.countTabs(user, ['pendingExtension'], {}, now)
        : null,
      can(ACTIONS.accountsManage) ? getService(strapi, 'accounts').expiryCounts(now) : null,
    ]);
    return {
      sites,
      overdueMessages: overdue?.overdue ?? null,
      extensions: extension?.pendingExtension ?? null,
      passwords,
    };
  };

  return {
    async forUser(user: AdminUser, can: Can, now = new Date()): Promise<Workbench> {
      const scope = await siteScope(strapi, user);
      const review = getService(strapi, 'review');
      const [profile, articles, waiting, messages, group] = await Promise.all([
        profileOf(user, scope.all),
        !scope.all && can(ACTIONS.reviewSubmit) ? review.articleCounts(scope.siteIds) : null,
        can(ACTIONS.reviewDecide) ? review.waitingSummary(user) : null,
        !scope.all && can(ACTIONS.messagesHandle)
          ? getService(strapi, 'messageDesk').countTabs(user, HANDLER_TABS, {}, now)
          : null,
        scope.all ? groupOf(user, can, now) : null,
      ]);
      const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
      return { profile, timezone, articles, review: waiting, messages, group };
    },
  };
};

export default workbenchService;
