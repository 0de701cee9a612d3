/** What the oversight routes answer: Chinese first, with English. */
export const ERRORS = {
  noSuchSite: (documentId: string) => `站点 ${documentId} 不存在或已关闭 (no such open site)`,
  notYourSite: '只能查看本人所属站点的监测情况 (only the sites you work for)',
  period:
    '请选择有效的通报期间：开始和结束日期（YYYY-MM-DD），开始不晚于结束，不超过一年，结束不晚于今天 (a period of at most a year, ending today at the latest)',
  deadline:
    '整改期限须为今天之后一年以内的日期（YYYY-MM-DD） (the deadline is a date within the next year)',
  title: '请填写通报标题（5 至 200 字） (a title of 5 to 200 characters)',
  sites: '被通报网站须从本期通报稿列出的网站中选择 (name only sites the draft names)',
  noPortal:
    '站群中没有门户网站，无法发布通报 (the group has no portal site to publish the notice on)',
  noSuchTask: (id: number) => `整改任务 ${id} 不存在 (no such rectification task)`,
  notTaskSite:
    '只有被通报站点的人员可以提交整改情况 (only the named site’s members may report its rectification)',
  notOpen: '该任务已提交或已办结，请刷新 (the task is not open: reload)',
  notSubmitted:
    '该任务尚未提交整改情况，或已办结 (only a task whose rectification was reported can be accepted or returned)',
  evidence:
    '请填写整改情况和佐证（10 至 2000 字） (describe what was fixed, 10 to 2000 characters)',
  comment:
    '退回时请填写意见（5 至 500 字），通过时意见不超过 500 字 (a comment of 5 to 500 characters when returning, at most 500 when accepting)',
  filters: '筛选条件无效 (invalid filters)',
  note: '催办说明不超过 200 字 (the note is at most 200 characters)',
  urgedToday: (by: string) =>
    `今天已由${by}催办过该站点，每个站点每天催办一次，请明天再催 (the site was urged today already)`,
} as const;

/** What the 栏目 rule and the edit view's column list answer. */
export const COLUMN_ERRORS = {
  notAColumnOf: (column: string, site: string, names: string[]) =>
    names.length > 0
      ? `栏目“${column}”不是${site}设置的栏目，请从以下栏目中选择：${names.join('、')}`
      : `${site}尚未设置栏目，栏目请留空；如需设置栏目，请联系省厅管理员`,
  columnWithoutSite: '请先选择所属站点，再选择栏目',
  noSuchSite: '站点不存在，或不是您所属的站点',
  noSuchArticle: '文章不存在，或不属于您所属的站点',
  query: '请求参数无效',
} as const;

/** What 栏目管理 answers. */
export const COLUMN_MANAGEMENT_ERRORS = {
  noSuchSite: '站点不存在，或您不是该站点的负责人',
  noSuchColumn: '栏目不存在，或不属于该站点',
  noSuchChange: '栏目调整申请不存在，或已处理，请刷新',
  retired: '该栏目已停用，不能再修改或停用',
  nameTaken: (name: string) => `本站已有（或曾用）名为“${name}”的栏目，请换一个名称`,
  nothingChanged: '没有要修改的内容：请修改名称、类型、更新要求或排序中的至少一项',
  pendingExists: '该栏目已有待省厅审批的调整申请，请等待审批结果',
  atRisk: (standing: string) =>
    `${standing}：停用该栏目或放宽其更新要求会使其不再计入超期或空白栏目，须由省厅确认后执行（勾选“确认该栏目超期或即将超期”）`,
  notProvince: '只有省厅管理员可以审批栏目调整申请',
  action: '调整方式须为增设（add）、修改（change）或停用（retire）',
  column: '请指定要修改或停用的栏目',
  name: '栏目名称须为 2 至 50 个字，不含首尾空格',
  kind: '栏目类型须为动态类、通知公告类、政策文件类或静态类',
  reportCategory: '年度报表类别须为概况类信息、政务动态信息、信息公开目录信息或不单列',
  staleAfterDays: '更新要求须为 1 至 3650 天的整数，或留空按栏目类型的默认天数',
  sortOrder: '排序须为 0 至 9999 的整数',
  reason: '请填写理由（5 至 500 字）',
  decisionReason: '请填写审批意见：批准时 2 至 500 字，不批准时写明理由（5 至 500 字）',
  approve: '请选择批准或不批准',
  params: '请求参数无效',
} as const;
