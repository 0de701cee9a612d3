import type { LinkFailure } from './link-checker';

/** What the content inspection's routes answer, in the words the admin shows as they are. */
export const ERRORS = {
  noSuchFinding: '巡检发现不存在，或不属于您所属的站点',
  notOpen: '这条巡检发现已经处理过了',
  notOnline: '这篇文章已不在网上，无需撤稿',
  mayNotUnpublish: '您没有撤下这篇文章的权限，请联系站点负责人或省厅管理员',
};

export const INSPECTION_ERRORS = {
  filters: '筛选条件有误',
  reason: '请填写误报理由（2 到 500 个字）',
  unpublishReason: '请填写撤稿理由（2 到 500 个字）',
  notYourSite: '您只能查看和处理所属站点的巡检结果',
  noSuchSite: '站点不存在，或不属于您所属的站点',
  chooseSite: '您属于多个站点，请选择要巡检的站点',
  running: '内容巡检正在进行，请稍后查看结果',
};

/** Where in an article a finding is, as the export names it (the admin's 正文, 标题…). */
const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  summary: '摘要',
  body: '正文',
  slug: '链接别名',
  column: '栏目',
  'body.image': '正文图片',
  'body.image.alt': '正文图片替代文字',
  'body.image.caption': '正文图片说明',
  sourceSiteName: '来源网站',
  'attachments.name': '附件显示名称',
};
export const fieldName = (field: string, file: string | null) =>
  file ? `附件“${file}”` : (FIELD_NAMES[field] ?? field);

export const KIND_NAMES = {
  word: '错敏词',
  wording: '严重表述错误',
  personalData: '个人信息',
  unread: '附件未检查',
  externalLink: '外链待审',
  deniedLink: '禁止链接',
  brokenLink: '链接不可用',
} as const;
export const LEVEL_NAMES: Record<string, string> = { forbidden: '须整改', check: '待核实' };

/** The export's column heads, in the order of `exportRows`. */
export const EXPORT_COLUMNS = [
  { head: '站点', width: 14 },
  { head: '文章', width: 36 },
  { head: '类型', width: 12 },
  { head: '级别', width: 8 },
  { head: '发现', width: 16 },
  { head: '位置', width: 14 },
  { head: '第几字', width: 8 },
  { head: '上下文', width: 50 },
  { head: '建议', width: 24 },
  { head: '首次发现', width: 20 },
  { head: '最近发现', width: 20 },
  { head: '误报判定人', width: 12 },
  { head: '误报理由', width: 30 },
] as const;

/** Why a link counts as not opening: what the check met (link-checker.ts), or what the CMS lacks. */
export type LinkFailureKind = LinkFailure | 'missingFile' | 'missingArticle';

const FAILURE_NAMES: Record<Exclude<LinkFailureKind, 'http'>, string> = {
  timeout: '超时',
  dns: '域名无法解析',
  refused: '拒绝连接',
  tls: '证书错误',
  redirects: '重定向过多',
  network: '无法访问',
  missingFile: '文件不存在',
  missingArticle: '文章不存在或已撤下',
};

const STATUS_NAMES: Record<number, string> = {
  400: '请求错误',
  401: '需要登录',
  403: '禁止访问',
  404: '页面不存在',
  410: '页面已删除',
  500: '服务器错误',
  502: '网关错误',
  503: '服务暂不可用',
  504: '网关超时',
};

/** A failure as a finding shows it: 404 页面不存在, 500 服务器错误, 超时, 文件不存在… */
export const failureText = (failure: LinkFailureKind | null, status: number | null) => {
  if (failure === 'http' || (!failure && status)) {
    const code = status ?? 0;
    return `${code} ${STATUS_NAMES[code] ?? (code >= 500 ? '服务器错误' : '无法访问')}`;
  }
  return FAILURE_NAMES[failure ?? 'network'];
};
