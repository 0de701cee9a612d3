/** What the content inspection's routes answer, in the words the admin shows as they are. */
export const ERRORS = {
  noSuchFinding: '巡检发现不存在，或不属于您所属的站点',
  notOpen: '这条巡检发现已经处理过了',
};

export const INSPECTION_ERRORS = {
  filters: '筛选条件有误',
  reason: '请填写误报理由（2 到 500 个字）',
  notYourSite: '您只能查看和处理所属站点的巡检结果',
  noSuchSite: '站点不存在，或不属于您所属的站点',
  chooseSite: '您属于多个站点，请选择要巡检的站点',
  running: '内容巡检正在进行，请稍后查看结果',
};
