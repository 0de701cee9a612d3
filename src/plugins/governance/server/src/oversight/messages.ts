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
