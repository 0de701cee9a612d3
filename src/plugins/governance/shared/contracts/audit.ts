/** 操作日志: the list and its integrity check, shared by the server's audit service and the admin page. */
import type { Pagination } from './pagination';

/**
 * What the log records, with the name a reader sees: the one table of action codes, read by the
 * server (validation, sentences, exports) and the page (filter, badges).
 */
export const AUDIT_ACTIONS = {
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'login.failureSummary': '登录失败汇总',
  'account.locked': '账号锁定',
  'account.unlocked': '账号解锁',
  'account.forceChange': '强制修改密码',
  'account.disabled': '账号停用',
  'account.holder': '指定责任人',
  'account.refused': '越权操作账号被拒',
  'password.changed': '修改密码',
  'review.approve': '审核通过',
  'review.reject': '审核退回',
  'article.publish': '发布文章',
  'article.unpublish': '撤销发布',
  'message.reply': '答复留言',
  'message.transfer': '转办留言',
  'message.correctCategory': '更正留言类别',
  'message.deadlineRecalculated': '重算留言期限',
  'membership.add': '添加站点人员',
  'membership.remove': '移除站点人员',
  'user.roles': '变更角色',
  'personalData.read': '查看个人信息',
  'audit.purge': '清理过期日志',
  'rankings.freeze': '冻结发布排名',
  'rankings.settings': '名次可见范围',
  'submission.submit': '报送信息',
  'submission.withdraw': '撤回报送',
  'submission.adopt': '采用报送',
  'submission.decline': '退回报送',
  'submission.adoptionWithdrawn': '采用稿下线',
  'submission.adoptionRestored': '采用稿恢复',
  'submission.sourceWithdrawn': '报送原稿下线',
  'submission.sourceRestored': '报送原稿恢复',
  'oversight.alert': '监测预警',
  'oversight.notice': '生成监测通报',
  'rectification.open': '下发整改任务',
  'rectification.submit': '提交整改情况',
  'rectification.review': '整改验收',
  'calendar.update': '更新节假日安排',
  'message.publicity': '设置留言是否公开',
  'message.export': '导出留言清单',
  'report.export': '导出报表',
  'oversight.urge': '监测催办',
  'message.markInvalid': '不予受理留言',
  'message.invalidDecision': '审核不予受理',
  'message.spotCheckVoided': '抽查结论作废',
  'column.change': '栏目变更',
  'column.propose': '申请栏目调整',
  'column.approve': '批准栏目调整',
  'column.refuse': '不批准栏目调整',
  'inspection.run': '发起内容巡检',
  'inspection.dismiss': '巡检误报',
  'inspection.unpublish': '巡检撤稿',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The name of an entry's action; an entry written by a later version with a code unknown here reads 其他操作. */
export const auditActionName = (code: string) =>
  (AUDIT_ACTIONS as Record<string, string>)[code] ?? '其他操作';

/** Failures, lockouts, refusals and purges stand out in the list. */
export const ALARMING_AUDIT_ACTIONS: ReadonlySet<string> = new Set<AuditAction>([
  'login.failure',
  'login.failureSummary',
  'account.locked',
  'account.forceChange',
  'account.disabled',
  'account.refused',
  'audit.purge',
]);

/** One entry of the log as the list shows it, newest first. */
export interface AuditEntry {
  /** Position in the hash chain. */
  seq: number;
  at: string;
  action: string;
  /** The action's name: 报送信息. */
  actionName: string;
  /** Who acted, with their role when it is known: 张敏（站点编辑）; 系统; 操作人未记录 for an old entry that lost it. */
  actor: string;
  /** The entry as a sentence: 张敏（站点编辑）将《关于…的通知》从汉滨区报送至陕西省民政厅门户网站. */
  sentence: string;
  ip: string | null;
}

/** GET /governance/audit?action=&actor=&from=&to=&page= */
export interface AuditPage {
  data: AuditEntry[];
  meta: {
    pagination: Pagination;
  };
}

/**
 * How the log differs from what was written: an entry `changed` (its content, link or keyed hash
 * does not match), `removed` from the middle (a gap in the numbers), `inserted` (an entry the
 * chain's head does not account for) or the newest entries `truncated` (the log ends before its
 * head or before a checkpoint taken earlier); or the log `unanchored`: it has entries but no
 * well-signed checkpoint, so a rewrite of the whole chain or a cut of its newest entries would not show.
 */
export const AUDIT_BREAKS = ['changed', 'removed', 'inserted', 'truncated', 'unanchored'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/** What `POST /governance/audit/verify` answers. */
export interface AuditVerification {
  /** The chain is whole, every checkpoint matches and every checkpoint's signature is good. */
  ok: boolean;
  /** Entries checked before the first difference (all of them when there is none). */
  checked: number;
  /** The first entry that differs, or null. */
  firstBroken: number | null;
  /** What happened at `firstBroken`. */
  kind: AuditBreak | null;
  checkpoints: {
    /** Well-signed checkpoints in the file, and the newest of them. */
    valid: number;
    latest: { seq: number; at: string } | null;
    /** Lines of the file whose signature is wrong or that cannot be read, and the first 20 of their numbers (from 1). */
    bad: number;
    badLines: number[];
  };
}
