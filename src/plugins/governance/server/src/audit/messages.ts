/** What the audit routes answer: Chinese first, with English. */
export const ERRORS = {
  noCheckpoints:
    '尚未生成校验点：系统每隔几分钟及每写入一定条数的日志签发一次，请稍后再下载 (no checkpoint has been signed yet)',
} as const;
