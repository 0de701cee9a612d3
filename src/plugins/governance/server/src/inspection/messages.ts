/** What the content inspection's routes answer, in the words the admin shows as they are. */
export const ERRORS = {
  noSuchFinding: '巡检发现不存在，或不属于您所属的站点',
  notOpen: '这条巡检发现已经处理过了',
};
