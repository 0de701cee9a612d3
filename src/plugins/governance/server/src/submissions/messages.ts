/** What the submission routes answer: Chinese first, with English. */
const STATUS_NAMES = {
  submitted: '待采用',
  adopted: '已采用',
  declined: '已退回',
  withdrawn: '已撤回',
} as const;

export const ERRORS = {
  noSuchArticle: (documentId: string) => `文章 ${documentId} 不存在 (no such article)`,
  noSuchSubmission: (id: number) => `报送 ${id} 不存在 (no such submission)`,
  noSite: '文章尚未选择所属站点 (the article has no site)',
  notEligible:
    '只有已发布的文章可以报送，审核通过但尚未发布的稿件不能报送 (only a published article can be submitted)',
  notATarget:
    '只能报送至门户网站，或由区县报送至所属设区市网站 (submit to the portal, or from a county to its city)',
  alreadySubmitted: (target: string, status: keyof typeof STATUS_NAMES) =>
    `该文章已报送至${target}（${STATUS_NAMES[status]}），同一文章对同一网站只能报送一次 (already submitted to this site)`,
  notSourceEditor:
    '只有本站点的编辑可以报送或撤回 (only an editor of the article’s site may submit or withdraw it)',
  notTargetEditor:
    '只有接收网站的编辑可以采用或退回 (only an editor of the receiving site may adopt or decline it)',
  alreadyDecided: '该报送已被处理，请刷新 (the submission was already decided: reload)',
  cannotWithdraw: (status: keyof typeof STATUS_NAMES) =>
    `该报送${STATUS_NAMES[status]}，不能撤回 (only a submission not yet decided can be withdrawn)`,
  note: '报送说明不超过 500 字 (the note is at most 500 characters)',
  reason: '请填写退回原因（5 至 500 字） (give the reason for declining, 5 to 500 characters)',
  article: '请指定要报送的文章 (name the article to submit)',
  target: '请指定接收网站 (name the receiving site)',
  filters: '筛选条件无效 (invalid filters)',
} as const;
