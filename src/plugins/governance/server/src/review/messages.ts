import { STEP_NAMES, type StepCapacity } from './chain';

/** What the review routes and the publish gate answer: Chinese first, with English. */
export const ERRORS = {
  noSuchArticle: (documentId: string) => `文章 ${documentId} 不存在 (no such article)`,
  noSite: '文章尚未选择所属站点，不能送审 (choose the article’s site before submitting it)',
  cannotSubmit: (status: string) =>
    `当前状态（${status}）不能送审 (the article cannot be submitted in this state)`,
  forbiddenWords: (words: string[]) =>
    `文章含有禁用词：${words.join('、')}，请修改后再送审 (remove the forbidden words before submitting)`,
  notEditor: '只有本站点的编辑可以送审 (only an editor of the article’s site may submit it)',
  notWaiting: '该文章当前不在审核中 (the article is not waiting for a review decision)',
  notYourStep: (capacity: StepCapacity) =>
    `当前步骤为“${STEP_NAMES[capacity]}”，您不是本站点的${STEP_NAMES[capacity]}人员 (you do not hold this step for the article’s site)`,
  ownArticle:
    '不能审核本人撰写、修改或送审的文章 (nobody reviews an article they wrote, edited or submitted)',
  secondStep:
    '同一轮审核中，同一人只能审核一个步骤 (one person takes at most one step of a review round)',
  checklist: '请逐项确认保密审查清单后再通过 (confirm every item of the confidentiality checklist)',
  staleContent:
    '文章内容在您查看后已被修改，请刷新后重新审核 (the article changed since you opened it: reload and review it again)',
  concurrent: '该文章已被他人处理，请刷新 (someone else acted on this article first: reload)',
  reason:
    '请填写退回原因（至少 5 个字） (give the reason for sending it back, at least 5 characters)',
  comment: '审核意见不超过 1000 个字 (a comment is at most 1000 characters)',
  cannotWithdraw:
    '只有送审中或已通过审核的文章可以撤回 (only an article under review or approved can be withdrawn)',
  notSubmitter:
    '只有送审人或本站点编辑可以撤回 (only the submitter or an editor of the site may withdraw it)',
  notPublishable: (title: string) =>
    `《${title}》未通过审核，或审核通过后内容已修改，不能发布。请先送审并完成全部审核步骤 (not approved for its current content: submit it and complete every review step before publishing)`,
  wordTaken: (word: string) => `词语“${word}”已在词库中 (the word is already listed)`,
  noSuchWord: (id: number) => `词语 ${id} 不存在 (no such word)`,
  word: '词语须为 1 到 50 个字符 (a word is 1 to 50 characters)',
  wordLevel: '级别须为 forbidden（禁用）或 check（提示） (level must be forbidden or check)',
  filters: '筛选条件无效 (invalid filters)',
} as const;

export const STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已送审',
  in_review: '审核中',
  approved: '已通过',
  rejected: '已退回',
  withdrawn: '已撤回',
};
