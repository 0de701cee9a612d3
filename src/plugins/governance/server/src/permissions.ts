/**
 * The plugin's RBAC actions, declared once. Routes check them with `admin::hasPermissions`,
 * admin pages with `useRBAC`; each concern adds its own actions here.
 */
export const ACTIONS = {
  overviewRead: 'plugin::governance.overview.read',
  sitesManage: 'plugin::governance.sites.manage',
  reviewRead: 'plugin::governance.review.read',
  reviewSubmit: 'plugin::governance.review.submit',
  reviewDecide: 'plugin::governance.review.decide',
  reviewWords: 'plugin::governance.review.words',
  messagesHandle: 'plugin::governance.messages.handle',
  messagesExtend: 'plugin::governance.messages.extend',
  messagesOversee: 'plugin::governance.messages.oversee',
  accountsManage: 'plugin::governance.accounts.manage',
  auditRead: 'plugin::governance.audit.read',
  rankingsRead: 'plugin::governance.rankings.read',
  rankingsManage: 'plugin::governance.rankings.manage',
  rankingsOwn: 'plugin::governance.rankings.own',
  submissionsSubmit: 'plugin::governance.submissions.submit',
  submissionsReceive: 'plugin::governance.submissions.receive',
  oversightRead: 'plugin::governance.oversight.read',
  oversightManage: 'plugin::governance.oversight.manage',
  oversightOwn: 'plugin::governance.oversight.own',
} as const;

export const actionDefinitions = [
  {
    section: 'plugins',
    displayName: '查看站群概览 (Read the website group overview)',
    uid: 'overview.read',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '管理站点与人员 (Manage sites and their members)',
    uid: 'sites.manage',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '查看审核状态与待审队列 (Read review states and the review queue)',
    uid: 'review.read',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '送审与撤回文章 (Submit and withdraw articles for review)',
    uid: 'review.submit',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '审核文章：通过或退回 (Approve or reject articles)',
    uid: 'review.decide',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '管理错敏词库 (Manage the sensitive-word list)',
    uid: 'review.words',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '办理网民留言：签收、答复、转办、申请延期 (Handle citizen messages)',
    uid: 'messages.handle',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '审批留言延期 (Decide extension requests)',
    uid: 'messages.extend',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '留言统计与抽查 (Message statistics and spot checks)',
    uid: 'messages.oversee',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '账号安全：查看账号、解锁、强制修改密码 (Account security)',
    uid: 'accounts.manage',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '查看与导出操作日志 (Read and export the audit trail)',
    uid: 'audit.read',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName:
      '查看与导出发布排名、年度通报 (Read and export the publication ranking and the annual notice)',
    uid: 'rankings.read',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '冻结发布排名，设置名次可见范围 (Freeze rankings and choose who sees places)',
    uid: 'rankings.manage',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName:
      "查看本站名次（省厅允许时）(See one's own site's place, when the province allows it)",
    uid: 'rankings.own',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: "信息报送：报送本站文章、撤回 (Submit one's site's articles upward)",
    uid: 'submissions.submit',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName:
      "信息报送：采用或退回报送给本站的文章 (Adopt or decline articles submitted to one's site)",
    uid: 'submissions.receive',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '站群监测：各站点单项否决指标 (Read every site against the inspection veto rules)',
    uid: 'oversight.read',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '监测通报与整改验收 (Issue inspection notices and accept rectifications)',
    uid: 'oversight.manage',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName:
      '本站监测与整改任务 (Read the standing of their own sites and report their rectifications)',
    uid: 'oversight.own',
    pluginName: 'governance',
  },
];

/** Route config requiring the given actions of the admin user. */
export const requires = (...actions: string[]) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions } }],
});
