export const ERRORS = {
  codeTaken: (code: string, name: string) =>
    `站点代码 ${code} 已被“${name}”使用，请换一个代码 (site code ${code} is already used by ${name})`,
  notYourSite: '只能为本人所属站点创建或修改内容 (you can only write content for your own sites)',
  siteRequired: '请选择所属站点 (choose the site this belongs to)',
  noSite: '您尚未加入任何站点，请联系省厅管理员 (you are not a member of any site: ask the provincial admin)',
} as const;
