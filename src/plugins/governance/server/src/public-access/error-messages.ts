import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * The public API (`/api`, what the citizens' site calls) answers in Chinese, whatever answered:
 * the plugin's own routes say what was wrong in Chinese already; Strapi's own errors ("Not
 * Found", "Invalid key nope", "9 errors occurred", yup's "must be a `string` type", body-parser's
 * "request entity too large") are put in Chinese here, one place for every route. Strapi's error
 * shape is kept: `{ data, error: { status, name, message, details } }`, `name` a code for programs.
 */

const CJK = /[\u3400-\u9fff]/;
/** An English explanation after a Chinese message: "… (the query code is not valid)". */
const ENGLISH_TAIL = /\s*\((?=[^()]*[A-Za-z]{3,})[^()\u3400-\u9fff（）]*\)\s*$/;

/** What a status means, for an English message nobody put in Chinese. */
export const BY_STATUS: Record<number, string> = {
  400: '请求有误，请检查所填内容后重试',
  401: '访问令牌无效或已过期',
  403: '无权访问该内容',
  404: '未找到请求的内容',
  405: '不支持该请求方式',
  413: '提交的内容过大',
  415: '不支持该内容格式，请以 JSON 提交',
  429: '请求过于频繁，请稍后再试',
  500: '系统内部错误，请稍后重试',
  503: '系统暂时无法处理您的请求，请稍后重试',
};

/** The query parameters Strapi names in "Invalid key …" errors. */
const QUERY_PARAMS: Record<string, string> = {
  filters: '筛选条件',
  sort: '排序字段',
  populate: '关联内容',
  fields: '返回字段',
};

interface ErrorBody {
  status?: number;
  name?: string;
  message?: string;
  details?: { key?: unknown; param?: unknown; errors?: Array<{ message?: string }> } | null;
}

const byStatus = (status: number) =>
  BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500] : BY_STATUS[400]);

/** One message in Chinese: as written without an English tail, or the status's meaning. */
const chinese = (message: string | undefined, status: number) =>
  message && CJK.test(message) ? message.replace(ENGLISH_TAIL, '') : byStatus(status);

/** The Chinese message of an error of the public API. */
export const publicErrorMessage = (error: ErrorBody): string => {
  const status = error.status ?? 400;
  const message = error.message ?? '';
  const { key, param } = error.details ?? {};
  if (/^Invalid key /.test(message) && typeof key === 'string')
    return `${QUERY_PARAMS[String(param)] ?? '查询参数'}“${key}”不存在或不可使用`;
  if (/pagination|QueryParams expected a positive integer/i.test(message))
    return '分页参数须为正整数';
  if (error.name === 'SyntaxError') return '请求内容不是有效的 JSON';
  // A form with several mistakes: each, once (a missing field fails two rules with one message).
  const listed = [
    ...new Set((error.details?.errors ?? []).map((item) => chinese(item.message, status))),
  ];
  if (listed.length > 0 && !CJK.test(message)) return listed.join('；');
  return chinese(message, status);
};

const isPublic = (strapi: Core.Strapi, path: string) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return path === prefix || path.startsWith(`${prefix}/`);
};

/**
 * Global middleware, just outside Strapi's error middleware (config/middlewares.ts), so that it
 * reads the error body that one wrote.
 */
export const publicErrors =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    await next();
    if (!isPublic(strapi, ctx.path) || ctx.status < 400) return;
    const body = ctx.body as { error?: ErrorBody } | null | undefined;
    if (!body?.error) {
      // Koa's own answers (405 for a method a route does not take) come without a body.
      if (!body || (typeof body === 'object' && Object.keys(body).length === 0))
        ctx.body = {
          data: null,
          error: {
            status: ctx.status,
            name: 'HttpError',
            message: byStatus(ctx.status),
            details: {},
          },
        };
      return;
    }
    const { error } = body;
    error.message = publicErrorMessage(error);
    for (const item of error.details?.errors ?? [])
      item.message = chinese(item.message, error.status ?? ctx.status);
  };
