/** What the audit routes answer. */
export const ERRORS = {
  noCheckpoints: '尚未生成校验点：系统每隔几分钟及每写入一定条数的日志签发一次，请稍后再下载',
  action: '未知的操作类型',
  actor: '操作人不超过 50 个字',
  date: '日期格式须为“年-月-日”，如 2026-12-04',
  page: '页码须为正整数',
  format: '导出格式须为 xlsx 或 csv',
  unknownFilter: '不支持该筛选条件，可按操作类型、操作人和日期筛选',
} as const;
