/** What the annual report routes say to the user when they refuse. */
export const ANNUAL_REPORT_ERRORS = {
  notYourSite: '您只能查看和填报所属站点的年度报表',
  noSuchSite: '站点不存在，或不属于您所属的站点',
  year: '年度有误：请选择 2000 年至今年之间的年度',
  query: '查询条件有误',
};
