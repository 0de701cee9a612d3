import { Badge } from '@strapi/design-system';
import { lazy, type ComponentType } from 'react';
import { useMessageTodo } from '../api/messages';
import { useReviewCount } from '../api/review';
import { useSubmissionCounts } from '../api/submissions';
import type { Can } from '../hooks/useHeldActions';
import type { ActionKey } from '../permissions';

/** The menu's sections, in the menu's order, by the message id of their heading. */
export const NAV_SECTIONS = [
  'nav.section',
  'nav.review',
  'nav.messages',
  'nav.submissions',
  'nav.rankings',
  'nav.oversight',
  'nav.security',
] as const;

export type NavSection = (typeof NAV_SECTIONS)[number];

/** A menu link's count, given what the user holds. */
type LinkBadge = ComponentType<{ can: Can }>;

export interface AdminPage {
  /** Under /plugins/governance; '' is the plugin's own address. */
  path: string;
  /** Any of these opens the page and shows its menu link. */
  permissions: readonly ActionKey[];
  Page: ComponentType;
  /** Where the menu links the page; a page opened from another page has no link. */
  menu?: {
    section: NavSection;
    /** The link's message id, which may depend on what else the user holds. */
    label: string | ((can: Can) => string);
    badge?: LinkBadge;
  };
  /**
   * The landing page sends the user to the first page they may open, by this rank; pages
   * without one are never the landing page.
   */
  landing?: number;
}

/** A page component loaded when first opened, from the module's named export. */
const lazyPage = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType }));

const Count = ({ count }: { count: number | undefined }) =>
  count ? <Badge active>{count}</Badge> : null;

/** What waits for the user's review, or for them to revise. */
const WaitingCount: LinkBadge = () => {
  const { data } = useReviewCount();
  return <Count count={(data?.toReview ?? 0) + (data?.toRevise ?? 0)} />;
};

/** The user's sites' messages to sign or past their deadline. */
const MessageTodoCount: LinkBadge = () => <Count count={useMessageTodo().data?.count} />;

/**
 * What waits for the user's sites to decide, and what they sent that waits upward. Either list
 * answers both counts: both links ask the one the user may read, which is one request.
 */
const SubmissionCount = ({ can, box }: { can: Can; box: 'incoming' | 'outgoing' }) => {
  const { data } = useSubmissionCounts(
    can(['submissionsReceive']) ? 'incoming' : can(['submissionsSubmit']) ? 'outgoing' : null
  );
  return <Count count={data?.[box]} />;
};
const IncomingCount: LinkBadge = ({ can }) => <SubmissionCount can={can} box="incoming" />;
const OutgoingCount: LinkBadge = ({ can }) => <SubmissionCount can={can} box="outgoing" />;

/** The plugin's pages, in the menu's order: the routes, the menu and the landing page. */
export const ADMIN_PAGES: AdminPage[] = [
  {
    path: '',
    permissions: ['overviewRead'],
    Page: lazyPage(() => import('./overview/OverviewPage'), 'OverviewPage'),
    menu: { section: 'nav.section', label: 'overview.title' },
    landing: 1,
  },
  {
    path: 'sites',
    permissions: ['sitesManage'],
    Page: lazyPage(() => import('./sites/SitesPage'), 'SitesPage'),
    menu: { section: 'nav.section', label: 'sites.title' },
  },
  {
    path: 'review',
    permissions: ['reviewRead'],
    Page: lazyPage(() => import('./review/ReviewQueuePage'), 'ReviewQueuePage'),
    menu: {
      section: 'nav.review',
      label: (can) =>
        can(['reviewDecide']) ? 'review.queue.title' : 'review.queue.titleForEditors',
      badge: WaitingCount,
    },
    landing: 2,
  },
  {
    path: 'review/words',
    permissions: ['reviewWords'],
    Page: lazyPage(() => import('./review/SensitiveWordsPage'), 'SensitiveWordsPage'),
    menu: { section: 'nav.review', label: 'words.title' },
  },
  {
    path: 'review/wording-rules',
    permissions: ['reviewWords'],
    Page: lazyPage(() => import('./review/WordingRulesPage'), 'WordingRulesPage'),
    menu: { section: 'nav.review', label: 'wording.title' },
  },
  {
    path: 'review/link-hosts',
    permissions: ['reviewWords'],
    Page: lazyPage(() => import('./review/LinkHostsPage'), 'LinkHostsPage'),
    menu: { section: 'nav.review', label: 'linkHosts.title' },
  },
  {
    path: 'messages',
    permissions: ['messagesHandle'],
    Page: lazyPage(() => import('./messages/MessagesInboxPage'), 'MessagesInboxPage'),
    menu: { section: 'nav.messages', label: 'messages.title', badge: MessageTodoCount },
    landing: 3,
  },
  {
    // A case of 留言办理, opened from the list (or a link): its own page, no menu link.
    path: 'messages/:id',
    permissions: ['messagesHandle'],
    Page: lazyPage(() => import('./messages/CasePage'), 'CasePage'),
  },
  {
    path: 'messages/statistics',
    permissions: ['messagesOversee'],
    Page: lazyPage(() => import('./messages/MessageStatisticsPage'), 'MessageStatisticsPage'),
    menu: { section: 'nav.messages', label: 'statistics.title' },
    landing: 4,
  },
  {
    // The working-day calendar the reply deadlines are counted on: the province keeps it.
    path: 'calendar',
    permissions: ['calendarManage'],
    Page: lazyPage(() => import('./calendar/CalendarPage'), 'CalendarPage'),
    menu: { section: 'nav.messages', label: 'calendar.title' },
  },
  {
    path: 'submissions',
    permissions: ['submissionsReceive'],
    Page: lazyPage(
      () => import('./submissions/IncomingSubmissionsPage'),
      'IncomingSubmissionsPage'
    ),
    menu: {
      section: 'nav.submissions',
      label: 'submissions.incoming.title',
      badge: IncomingCount,
    },
    landing: 8,
  },
  {
    path: 'submissions/outgoing',
    permissions: ['submissionsSubmit'],
    Page: lazyPage(
      () => import('./submissions/OutgoingSubmissionsPage'),
      'OutgoingSubmissionsPage'
    ),
    menu: {
      section: 'nav.submissions',
      label: 'submissions.outgoing.title',
      badge: OutgoingCount,
    },
    landing: 9,
  },
  {
    // Site members who hold only rankings.own see their own places on the same page.
    path: 'rankings',
    permissions: ['rankingsRead', 'rankingsOwn'],
    Page: lazyPage(() => import('./rankings/RankingsPage'), 'RankingsPage'),
    menu: { section: 'nav.rankings', label: 'rankings.title' },
    landing: 7,
  },
  {
    path: 'rankings/notice',
    permissions: ['rankingsRead'],
    Page: lazyPage(() => import('./rankings/AnnualNoticePage'), 'AnnualNoticePage'),
    menu: { section: 'nav.rankings', label: 'notice.title' },
  },
  {
    path: 'oversight',
    permissions: ['oversightRead'],
    Page: lazyPage(() => import('./oversight/OversightPage'), 'OversightPage'),
    menu: { section: 'nav.oversight', label: 'oversight.title' },
  },
  {
    path: 'oversight/sites/:documentId',
    permissions: ['oversightRead', 'oversightOwn'],
    Page: lazyPage(() => import('./oversight/SiteOversightPage'), 'SiteOversightPage'),
  },
  {
    // 栏目管理: the province (sites.manage) for every site; a site's leader proposes for theirs.
    path: 'columns',
    permissions: ['sitesManage', 'oversightOwn'],
    Page: lazyPage(() => import('./columns/ColumnsPage'), 'ColumnsPage'),
    menu: { section: 'nav.oversight', label: 'columns.title' },
  },
  {
    path: 'oversight/notices',
    permissions: ['oversightManage'],
    Page: lazyPage(
      () => import('./oversight/notices/InspectionNoticePage'),
      'InspectionNoticePage'
    ),
    menu: { section: 'nav.oversight', label: 'oversight.notice.title' },
  },
  {
    // Site members report their rectifications here; the province accepts them.
    path: 'oversight/rectifications',
    permissions: ['oversightRead', 'oversightOwn'],
    Page: lazyPage(() => import('./oversight/notices/RectificationsPage'), 'RectificationsPage'),
    menu: { section: 'nav.oversight', label: 'oversight.rectification.title' },
  },
  {
    // 内容巡检: the province for every site, a site's editors and leaders for theirs.
    path: 'inspection',
    permissions: ['oversightRead', 'oversightOwn'],
    Page: lazyPage(() => import('./inspection/InspectionPage'), 'InspectionPage'),
    menu: { section: 'nav.oversight', label: 'inspection.title' },
  },
  {
    path: 'accounts',
    permissions: ['accountsManage'],
    Page: lazyPage(() => import('./accounts/AccountsPage'), 'AccountsPage'),
    menu: { section: 'nav.security', label: 'accounts.title' },
    landing: 5,
  },
  {
    path: 'audit',
    permissions: ['auditRead'],
    Page: lazyPage(() => import('./audit/AuditLogPage'), 'AuditLogPage'),
    menu: { section: 'nav.security', label: 'audit.title' },
    landing: 6,
  },
];

/** The pages the landing page may send the user to, first choice first. */
export const LANDING_PAGES = ADMIN_PAGES.filter((page) => page.landing !== undefined).sort(
  (a, b) => a.landing! - b.landing!
);

/** Whoever may open any of the pages sees the plugin's menu entry. */
export const ANY_PAGE_PERMISSION = [...new Set(ADMIN_PAGES.flatMap((page) => page.permissions))];
