import { CATEGORY_NAMES } from '../../../shared/contracts/messages';
import type {
  CaseAction,
  InboxTab,
  MessageStatus,
  ReplyFlag,
} from '../../../shared/contracts/messages';

const FLAG_NAMES: Record<ReplyFlag, string> = {
  tooShort: '答复过短',
  templatePhrase: '仅为套话，未回应所问',
  noUnit: '未注明答复单位',
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
/** The inbox's tabs as the page names them. */
export const TAB_NAMES: Record<InboxTab, string> = {
  toSign: '待签收',
  toAccept: '待接收',
  inProgress: '办理中',
  dueSoon: '即将超期',
  overdue: '已超期',
  pendingExtension: '待审批延期',
  replied: '已答复',
  invalidPending: '不予受理待确认',
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
  confirmInvalid: '确认不予受理',
  overturnInvalid: '撤销不予受理',
  voidSpotCheck: '作废抽查结论',
  acceptTransfer: '接收转办',
  refuseTransfer: '退回转办',
  assign: '指定承办',
  misassigned: '认定误派',
};
/** What the message routes answer: to citizens on the public routes, to staff in the admin. */
export const ERRORS = {
  site: '请选择要留言的网站',
  listSite: '网站代码格式不正确（应为小写字母、数字或连字符）',
  notAForm: '请求内容须为 JSON 格式的表单数据',
  reopen: '“是否申请重新办理”填写有误',
  noSuchSite: (code: string) => `网站“${code}”不存在或已停用`,
  category: '留言类别须为咨询、投诉、建议或其他',
  subject: '标题须为 2 至 100 个字',
  body: '留言内容须为 5 至 5000 个字',
  name: '请填写姓名，不超过 50 个字',
  phone: '电话号码格式不正确',
  email: '电子邮箱格式不正确',
  contact: '请至少留下电话或电子邮箱，以便答复',
  tooFast: '提交过快，请确认内容后再提交',
  stale: '表单已过期，请刷新页面后重新填写',
  robot: '提交未被接受',
  tooMany: (minutes: number) => `提交次数过多，请 ${minutes} 分钟后再试`,
  notStored: '留言未能保存，请稍后重新提交',
  queryCode: '查询码格式不正确',
  notFound: '没有找到该查询码对应的留言',
  ratingContact: '请填写留言时所留手机号码的后四位，或所留电子邮箱',
  notYours: '查询码或联系方式不符，请核对后重试',
  page: '页码须为 1 至 1000 的整数',
  noSuchMessage: (id: number) => `留言 ${id} 不存在`,
  wrongState: (action: string, status: string) => `当前状态（${status}）不能${action}`,
  replyText: '答复内容须为 10 至 10000 个字',
  reason: '请填写原因（至少 5 个字）',
  transferTarget: (code: string) => `转办目标网站“${code}”不存在或已停用`,
  sameSite: '不能转办给本网站',
  transferPending: '该留言已有待接收的转办，请等待对方接收或退回',
  noPendingTransfer: '该留言没有待接收的转办',
  notYourTransfer: '只有接收转办的网站（或省级管理员）才能接收或退回该转办',
  provinceOnly: '只有省级管理员才能认定误派',
  alreadyMisassigned: '答复期限已自接收时起算，无需再次认定误派',
  notTransferred: '该留言未经转办接收，或现为退回件，无需认定误派',
  extensionDays: '延期天数须为 1 至 15 个工作日',
  extensionPending: '已有待审批的延期申请',
  noExtension: '没有待审批的延期申请',
  concurrent: '该留言已被他人处理，请刷新',
  tab: '页签须为待签收、待接收、办理中、即将超期、已超期、待审批延期、已答复或不予受理待确认之一',
  filterCategory: '类别须为咨询、投诉、建议或其他',
  date: '日期须为有效日期，格式为“年-月-日”，如 2026-12-04',
  dateRange: '起始日期不能晚于截止日期',
  unknownQuery: '含有不支持的查询条件',
  bulkIds: '请选择 1 至 100 条留言',
  isPublic: '请选择是否公开',
  search: '搜索词不超过 50 个字',
  unit: '答复单位不超过 100 个字',
  replyFlagged: (flags: ReplyFlag[]) =>
    `答复可能不规范：${flags.map((flag) => FLAG_NAMES[flag]).join('；')}。请修改，或确认后仍然发送`,
  spotChecked: '该留言已抽查过',
  spotCheckComment: '判定不合格须说明问题（至少 5 个字）',
  verdict: '抽查结论须为合格或不合格',
  year: '年份无效',
  sampleSize: '样本数须为 1 至 50',
  satisfaction: '评价须为满意、基本满意或不满意',
  comment: '评价说明不超过 500 个字',
  notRatable: '留言答复后才能评价',
  rated: '该留言已评价过，每条留言只能评价一次',
  citizenText:
    '留言人提交的内容（类别、标题、内容、姓名、联系方式、收到时间、所属网站等）不能修改；类别有误请在“留言办理”中更正，网站有误请转办',
  noDelete: '网民留言作为办理记录保存，不能删除；无效留言请在“留言办理”中以“不予受理”办结',
  staffCreate: '网民留言只能由网民通过留言表单提交',
  personalFilter: '不能按留言人的姓名、联系方式、IP 地址或查询码筛选或排序',
  sameCategory: '新类别与当前类别相同',
  noInvalidPending: '该留言没有待确认的不予受理',
  ownInvalidation: '不能确认或撤销本人作出的不予受理，请由其他省厅管理员审核',
  invalidDecider: '不予受理须由省厅管理员确认，站点人员不能确认本站的不予受理',
  invalidDecision: '请选择确认或撤销不予受理',
  invalidComment: '撤销不予受理须说明理由（至少 5 个字），意见不超过 500 个字',
  reopenUnsatisfied: '只有不满意时才能申请重新办理',
} as const;

const categoryNames: Record<string, string> = CATEGORY_NAMES;
/** A category as the log writes it; the stored code when it is none of ours. */
export const categoryName = (code: unknown) => categoryNames[String(code)] ?? String(code);

/** A message as the log names it: 留言《…》（编号 …，西安市）. */
export const messageLabel = (message: {
  subject: string;
  caseNumber?: string | null;
  site: { name: string } | null;
}) =>
  `留言《${message.subject}》（${[message.caseNumber ? `编号 ${message.caseNumber}` : null, message.site?.name].filter(Boolean).join('，')}）`;

export { CATEGORY_NAMES };
