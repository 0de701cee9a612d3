import type {
  CaseAction,
  Category,
  InboxTab,
  MessageStatus,
  ReplyFlag,
} from '../../../shared/contracts/messages';

const FLAG_NAMES: Record<ReplyFlag, string> = {
  tooShort: '答复过短 (too short)',
  templatePhrase: '仅为套话，未回应所问 (set phrases only)',
  noUnit: '未注明答复单位 (no replying unit)',
};

/** The acts of staff (the citizen rates and reopens, the system sends the overdue notice). */
export type StaffAction = Exclude<CaseAction, 'rate' | 'reopen' | 'overdueNotice'>;

export const STATUS_NAMES: Record<MessageStatus, string> = {
  received: '待签收',
  accepted: '办理中',
  transferred: '已转办',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};
export const CATEGORY_NAMES: Record<Category, string> = {
  consultation: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  other: '其他',
};
/** The inbox's tabs as the page names them. */
export const TAB_NAMES: Record<InboxTab, string> = {
  toSign: '待签收',
  inProgress: '办理中',
  dueSoon: '即将超期',
  overdue: '已超期',
  pendingExtension: '待审批延期',
  replied: '已答复',
};
export const ACTION_NAMES: Record<StaffAction, string> = {
  sign: '签收',
  reply: '答复',
  editReply: '修改答复',
  transfer: '转办',
  requestExtension: '申请延期',
  approveExtension: '批准延期',
  refuseExtension: '不批准延期',
  markInvalid: '不予受理',
  close: '办结',
  correctCategory: '更正类别',
  spotCheck: '抽查',
  makePublic: '公开答复',
  makePrivate: '取消公开',
};
/** What the message routes answer: Chinese first, with English. */
export const ERRORS = {
  site: '请选择要留言的网站 (choose the site your message is for)',
  noSuchSite: (code: string) => `网站“${code}”不存在或已停用 (no such site: ${code})`,
  category:
    '留言类别须为咨询、投诉、建议或其他 (category must be consultation, complaint, suggestion or other)',
  subject: '标题须为 2 至 100 个字 (the subject is 2 to 100 characters)',
  body: '留言内容须为 5 至 5000 个字 (the message is 5 to 5000 characters)',
  name: '请填写姓名，不超过 50 个字 (your name, at most 50 characters)',
  phone: '电话号码格式不正确 (the phone number is not valid)',
  email: '电子邮箱格式不正确 (the e-mail address is not valid)',
  contact:
    '请至少留下电话或电子邮箱，以便答复 (leave a phone number or an e-mail address for the reply)',
  tooFast: '提交过快，请确认内容后再提交 (submitted too fast: check your message and submit again)',
  stale:
    '表单已过期，请刷新页面后重新填写 (the form has expired: reload the page and fill it in again)',
  robot: '提交未被接受 (the submission was not accepted)',
  tooMany: (minutes: number) =>
    `提交次数过多，请 ${minutes} 分钟后再试 (too many submissions: try again in ${minutes} minutes)`,
  notStored:
    '留言未能保存，请稍后重新提交 (your message was not stored: submit it again in a moment)',
  queryCode: '查询码格式不正确 (the query code is not valid)',
  notFound: '没有找到该查询码对应的留言 (no message has this query code)',
  ratingContact:
    '请填写留言时所留手机号码的后四位，或所留电子邮箱 (give the last four digits of the phone number, or the e-mail address, you left with the message)',
  notYours:
    '查询码或联系方式不符，请核对后重试 (the query code or the contact does not match: check them and try again)',
  page: '页码无效 (invalid page)',
  noSuchMessage: (id: number) => `留言 ${id} 不存在 (no such message)`,
  wrongState: (action: string, status: string) =>
    `当前状态（${status}）不能${action} (not possible in this state)`,
  replyText: '答复内容须为 10 至 10000 个字 (a reply is 10 to 10000 characters)',
  reason: '请填写原因（至少 5 个字） (give the reason, at least 5 characters)',
  transferTarget: (code: string) =>
    `转办目标网站“${code}”不存在或已停用 (no such active site: ${code})`,
  sameSite: '不能转办给本网站 (the message is already with this site)',
  extensionDays: '延期天数须为 1 至 15 个工作日 (an extension is 1 to 15 working days)',
  extensionPending: '已有待审批的延期申请 (an extension request is already waiting)',
  noExtension: '没有待审批的延期申请 (no extension request is waiting)',
  concurrent: '该留言已被他人处理，请刷新 (someone else acted on this message first: reload)',
  tab: '页签须为待签收、办理中、即将超期、已超期、待审批延期或已答复之一 (unknown tab)',
  filterCategory: '类别须为咨询、投诉、建议或其他 (unknown category)',
  date: '日期须为有效日期，格式 YYYY-MM-DD (a date is YYYY-MM-DD)',
  dateRange: '起始日期不能晚于截止日期 (the from date is after the to date)',
  unknownQuery: '含有不支持的参数 (unknown parameter)',
  bulkIds: '请选择 1 至 100 条留言 (choose 1 to 100 messages)',
  isPublic: '请选择是否公开 (choose whether to make the reply public)',
  search: '搜索词不超过 50 个字 (the search is at most 50 characters)',
  unit: '答复单位不超过 100 个字 (the replying unit is at most 100 characters)',
  replyFlagged: (flags: ReplyFlag[]) =>
    `答复可能不规范：${flags.map((flag) => FLAG_NAMES[flag]).join('；')}。请修改，或确认后仍然发送 (the reply may be substandard: revise it, or confirm to send it anyway)`,
  spotChecked: '该留言已抽查过 (this reply was already spot-checked)',
  spotCheckComment:
    '判定不合格须说明问题（至少 5 个字） (say what is wrong, at least 5 characters)',
  verdict:
    '抽查结论须为 standard（合格）或 substandard（不合格） (verdict must be standard or substandard)',
  year: '年份无效 (invalid year)',
  sampleSize: '样本数须为 1 至 50 (a sample is 1 to 50 messages)',
  satisfaction:
    '评价须为 satisfied（满意）、neutral（基本满意）或 unsatisfied（不满意） (rating must be satisfied, neutral or unsatisfied)',
  comment: '评价说明不超过 500 个字 (the comment is at most 500 characters)',
  notRatable: '留言答复后才能评价 (a message can be rated once it is answered)',
  rated:
    '该留言已评价过，每条留言只能评价一次 (this message was already rated: one rating per message)',
  citizenText:
    '留言人提交的内容（类别、标题、内容、姓名、联系方式、收到时间、所属网站等）不能修改；类别有误请在“留言办理”中更正，网站有误请转办 (what the citizen submitted cannot be changed: correct a wrong category in 留言办理, send a message to the right site by transfer)',
  noDelete:
    '网民留言作为办理记录保存，不能删除；无效留言请在“留言办理”中以“不予受理”办结 (citizen messages are kept as records and cannot be deleted: close an invalid one as 不予受理 in 留言办理)',
  staffCreate:
    '网民留言只能由网民通过留言表单提交 (citizen messages come from citizens, through the public form only)',
  personalFilter:
    "不能按留言人的姓名、联系方式、IP 地址或查询码筛选或排序 (messages cannot be filtered or sorted by the citizen's name, contact, IP address or query code)",
  sameCategory: '新类别与当前类别相同 (the message already has this category)',
  reopenUnsatisfied:
    '只有不满意时才能申请重新办理 (only an unsatisfied rating can reopen the message)',
} as const;
