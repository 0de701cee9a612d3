/**
 * The plugin's RBAC actions, one table for both sides: the server registers them with Strapi
 * and its routes require them (server/src/permissions.ts), the admin's pages and menu ask for
 * them (admin/src/permissions.ts). `displayName` is what Strapi's role editor shows.
 */
export const PLUGIN_ACTIONS = {
  overviewRead: {
    uid: 'overview.read',
    displayName: '查看站群概览 (Read the website group overview)',
  },
  sitesManage: {
    uid: 'sites.manage',
    displayName: '管理站点与人员 (Manage sites and their members)',
  },
  reviewRead: {
    uid: 'review.read',
    displayName: '查看审核状态与待审队列 (Read review states and the review queue)',
  },
  reviewSubmit: {
    uid: 'review.submit',
    displayName: '送审与撤回文章 (Submit and withdraw articles for review)',
  },
  reviewDecide: {
    uid: 'review.decide',
    displayName: '审核文章：通过或退回 (Approve or reject articles)',
  },
  reviewWords: {
    uid: 'review.words',
    displayName: '管理错敏词库 (Manage the sensitive-word list)',
  },
  messagesHandle: {
    uid: 'messages.handle',
    displayName: '办理网民留言：签收、答复、转办、申请延期 (Handle citizen messages)',
  },
  messagesExtend: {
    uid: 'messages.extend',
    displayName: '审批留言延期 (Decide extension requests)',
  },
  messagesOversee: {
    uid: 'messages.oversee',
    displayName: '留言统计与抽查 (Message statistics and spot checks)',
  },
  accountsManage: {
    uid: 'accounts.manage',
    displayName: '账号安全：查看账号、解锁、强制修改密码 (Account security)',
  },
  auditRead: {
    uid: 'audit.read',
    displayName: '查看与导出操作日志 (Read and export the audit trail)',
  },
  rankingsRead: {
    uid: 'rankings.read',
    displayName:
      '查看与导出发布排名、年度通报 (Read and export the publication ranking and the annual notice)',
  },
  rankingsManage: {
    uid: 'rankings.manage',
    displayName: '冻结发布排名，设置名次可见范围 (Freeze rankings and choose who sees places)',
  },
  rankingsOwn: {
    uid: 'rankings.own',
    displayName:
      "查看本站名次（省厅允许时）(See one's own site's place, when the province allows it)",
  },
  submissionsSubmit: {
    uid: 'submissions.submit',
    displayName: "信息报送：报送本站文章、撤回 (Submit one's site's articles upward)",
  },
  submissionsReceive: {
    uid: 'submissions.receive',
    displayName:
      "信息报送：采用或退回报送给本站的文章 (Adopt or decline articles submitted to one's site)",
  },
  oversightRead: {
    uid: 'oversight.read',
    displayName: '站群监测：各站点单项否决指标 (Read every site against the inspection veto rules)',
  },
  oversightManage: {
    uid: 'oversight.manage',
    displayName: '监测通报与整改验收 (Issue inspection notices and accept rectifications)',
  },
  oversightOwn: {
    uid: 'oversight.own',
    displayName:
      '本站监测与整改任务 (Read the standing of their own sites and report their rectifications)',
  },
  annualReportsOversee: {
    uid: 'annual-reports.oversee',
    displayName:
      '年度报表：查看各站点报表、督促报送 (Read every site’s annual report form and remind late sites)',
  },
  annualReportsFill: {
    uid: 'annual-reports.fill',
    displayName: '年度报表：填报本站年度报表 (Fill in their own sites’ annual report forms)',
  },
  calendarManage: {
    uid: 'calendar.manage',
    displayName:
      '节假日安排：录入各年放假与调休上班日 (Enter each year’s official holidays and 调休 working days)',
  },
} as const;

export const PLUGIN_NAME = 'governance';

export type ActionKey = keyof typeof PLUGIN_ACTIONS;

/** The full action name Strapi knows, e.g. `plugin::governance.overview.read`. */
export type ActionName<K extends ActionKey = ActionKey> =
  `plugin::${typeof PLUGIN_NAME}.${(typeof PLUGIN_ACTIONS)[K]['uid']}`;

export const ACTION_KEYS = Object.keys(PLUGIN_ACTIONS) as ActionKey[];

/** Each action's full name by its key: `ACTIONS.overviewRead` is `plugin::governance.overview.read`. */
export const ACTIONS = Object.fromEntries(
  ACTION_KEYS.map((key) => [key, `plugin::${PLUGIN_NAME}.${PLUGIN_ACTIONS[key].uid}`])
) as { readonly [K in ActionKey]: ActionName<K> };
