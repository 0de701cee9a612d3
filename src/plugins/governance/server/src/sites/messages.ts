export const ERRORS = {
  codeTaken: (code: string, name: string) =>
    `站点代码 ${code} 已被“${name}”使用，请换一个代码 (site code ${code} is already used by ${name})`,
  notYourSite: '只能为本人所属站点创建或修改内容 (you can only write content for your own sites)',
  siteRequired: '请选择所属站点 (choose the site this belongs to)',
  noSite:
    '您尚未加入任何站点，请联系省厅管理员 (you are not a member of any site: ask the provincial admin)',
  noSuchSite: (documentId: string) => `站点 ${documentId} 不存在 (no such site)`,
  noSuchUser: (id: number) => `用户 ${id} 不存在 (no such admin user)`,
  noSuchMembership: (id: number) => `成员关系 ${id} 不存在 (no such membership)`,
  capacity:
    '身份须为 leader、editor、reviewer、approver 或 handler 之一 (capacity must be leader, editor, reviewer, approver or handler)',
  userId: '请指定要添加的用户 (userId must be an admin user id)',
  unreadableRelationField: (path: string) =>
    `不能按关联记录的字段 ${path} 筛选、排序或展开：您无权读取该字段`,
  query: '搜索词不超过 50 个字符 (the search text is at most 50 characters)',
} as const;
