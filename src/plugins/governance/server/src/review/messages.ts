import { STEP_NAMES, type StepCapacity } from './chain';

/** What the review routes and the publish gate answer, in the words the admin shows as they are. */
export const ERRORS = {
  noSuchArticle: '文章不存在，或不属于您所属的站点',
  noSite: '文章尚未选择所属站点，不能送审',
  cannotSubmit: (status: string) => `当前状态（${status}）不能送审`,
  /** Forbidden words, and personal data that must be masked (身份证号码), found in the draft. */
  blockingHits: (
    words: string[],
    personalData: string[],
    wording: string[] = [],
    deniedHosts: string[] = []
  ) =>
    `文章${[
      words.length > 0 ? `含有禁用词：${words.join('、')}` : '',
      wording.length > 0 ? `有严重表述错误：${wording.join('；')}` : '',
      personalData.length > 0 ? `含有未隐去的${personalData.join('、')}` : '',
      deniedHosts.length > 0 ? `链接到禁止链接的网站：${deniedHosts.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('，')}，请修改后再送审`,
  attachmentsChanged: '检查附件期间附件被修改了，请重新送审',
  notEditor: '只有本站点的编辑可以送审',
  notWaiting: '该文章当前不在审核中',
  notYourStep: (capacity: StepCapacity) =>
    `当前步骤为“${STEP_NAMES[capacity]}”，您不是本站点的${STEP_NAMES[capacity]}人员`,
  ownArticle: '不能审核本人撰写、修改或送审的文章',
  secondStep: '同一轮审核中，同一人只能审核一个步骤',
  checklist: '请逐项确认保密审查清单后再通过',
  staleContent: '文章内容在您查看后已被修改，请刷新后重新审核',
  concurrent: '该文章已被他人处理，请刷新',
  reason: '请填写退回原因（至少 5 个字）',
  comment: '审核意见不超过 1000 个字',
  cannotWithdraw: '只有送审中或已通过审核的文章可以撤回',
  notSubmitter: '只有送审人或本站点编辑可以撤回',
  deniedLinks: (title: string, hosts: string[]) =>
    `《${title}》链接到禁止链接的网站（${hosts.join('、')}），不能发布：请删除这些链接后重新送审`,
  notPublishable: (title: string) =>
    `《${title}》未通过审核，或审核通过后内容已修改，不能发布。请先送审并完成全部审核步骤`,
  wordTaken: (word: string) => `词语“${word}”已在词库中`,
  noSuchWord: (id: number) => `词语 ${id} 不存在`,
  word: '词语须为 1 到 50 个字符',
  wordingWrong: '错误表述须为 1 到 100 个字符',
  wordingRight: '规范表述须为 1 到 100 个字符',
  wordingCategory: '类别须为“领导人姓名职务”“政治表述”“机构名称”或“其他”',
  wordingNote: '说明不能超过 200 个字符',
  wordingSame: (wrong: string) => `“${wrong}”的错误表述与规范表述相同`,
  wordingTaken: (wrong: string, listed: string) =>
    wrong === listed
      ? `错误表述“${wrong}”已在规范表述库中`
      : `错误表述“${wrong}”与已有的“${listed}”相同`,
  wordingIsRight: (wrong: string) => `“${wrong}”是另一条规范表述的正确写法，不能作为错误表述`,
  wordingRightIsWrong: (right: string) => `“${right}”已被列为错误表述，不能作为规范表述`,
  noSuchWordingRule: (id: number) => `规范表述 ${id} 不存在`,
  linkHost: '请填写网站域名，如 www.gov.cn（不含网址前缀和路径）',
  linkHostList: '请选择允许链接或禁止链接',
  linkHostNote: '说明不能超过 200 个字',
  hostTaken: (host: string, list: 'allow' | 'deny') =>
    `${host} 已在${list === 'deny' ? '禁止' : '允许'}链接名单中`,
  noSuchHostRule: (id: number) => `外链名单 ${id} 不存在`,
  wordingImportEmpty: '表格中没有规范表述',
  wordingImportRows: (rows: Array<{ row: number; message: string }>) =>
    `导入失败，未导入任何内容：${rows
      .slice(0, 5)
      .map(({ row, message }) => `第 ${row} 行，${message}`)
      .join('；')}${rows.length > 5 ? `；等共 ${rows.length} 处` : ''}`,
  importFile: '请选择一个要导入的电子表格文件（不超过 5 MB）',
  wordLevel: '级别须为“禁用”或“提示”',
  filters: '筛选条件无效',
} as const;

/** The decision record's note when an edit voids a round (the history shows it as written). */
export const VOID_NOTE = '内容已修改，本轮审核作废';

export const STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已送审',
  in_review: '审核中',
  approved: '审核通过',
  rejected: '已退回',
  withdrawn: '已撤回',
};
