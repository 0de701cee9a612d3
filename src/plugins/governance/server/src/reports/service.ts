import type { Core } from '@strapi/strapi';
import type { Readable } from 'stream';
import type { AccountFilter } from '../../../shared/contracts/accounts';
import type { MessageFigures } from '../../../shared/contracts/messages';
import type { RuleStatus, SiteOversight } from '../../../shared/contracts/oversight';
import type { SiteLevel } from '../../../shared/contracts/overview';
import type { GovernanceConfig } from '../config';
import { RULE_NAMES, describeVerdict } from '../oversight/wording';
import type { SiteScope } from '../sites/scope';
import { localDate, localDateTime } from '../../../shared/local-time';
import { stampLine } from '../utils/export-file';
import { getService } from '../utils/get-service';
import { workbookStream, type WorkbookSheet } from '../utils/spreadsheet';
import { CAPACITY_NAMES, type SiteNode } from '../../../shared/contracts/sites';
import { LEVEL_NAMES, MUST_CHANGE_NAMES, STATUS_NAMES, rate } from './labels';
import { officialDocument, type OfficialDocumentInput } from './official-document';

/** What the audit log says of an export; the controller records it with the person exporting. */
export interface ExportRecord {
  summary: string;
  subject: string;
  details: Record<string, unknown>;
}

/**
 * A report ready to send: what it is (its file name without the day and extension), whether
 * the name carries the day it was made (a snapshot) or names its own period, and the workbook.
 */
export interface Report {
  title: string;
  dated: boolean;
  workbook: Readable;
  record: ExportRecord;
}

/** The 版头 and 落款 the person issuing a notice enters. */
export type DocumentHeading = Pick<
  OfficialDocumentInput,
  'issuer' | 'docNumber' | 'addressee' | 'date'
>;

export interface OversightFilters {
  status?: RuleStatus;
  level?: SiteLevel;
  city?: string;
  query?: string;
}

const ACCOUNT_TABS: Record<AccountFilter, string> = {
  all: '全部',
  expired: '已过期',
  dueSoon: '即将到期',
  locked: '已锁定',
  inactive: '长期未登录',
  noHolder: '未指定责任人',
};

const FIGURE_COLUMNS = [
  { head: '收到留言', width: 10 },
  { head: '不予受理', width: 10 },
  { head: '已答复', width: 9 },
  { head: '按期答复', width: 10 },
  { head: '未答复', width: 9 },
  { head: '超期未答复', width: 11 },
  { head: '平均答复用时（工作日）', width: 14 },
  { head: '答复率', width: 9 },
  { head: '按期答复率', width: 11 },
  { head: '评价数', width: 9 },
  { head: '满意', width: 8 },
  { head: '基本满意', width: 10 },
  { head: '不满意', width: 8 },
  { head: '满意率', width: 9 },
  { head: '抽查', width: 8 },
  { head: '抽查不合格', width: 11 },
  // Issue 25: refusals waiting for the province (counted unanswered), and placeholder replies.
  { head: '不予受理待确认', width: 14 },
  { head: '不予受理率', width: 11 },
  { head: '套话答复', width: 10 },
  // The citizen's view: on time by the message's first deadline, whoever held it.
  { head: '按首次期限按期率', width: 16 },
] as const;

const figureCells = (f: MessageFigures) => [
  f.received,
  f.invalid,
  f.replied,
  f.repliedOnTime,
  f.open,
  f.overdue,
  f.averageWorkingDays === null ? '' : Number(f.averageWorkingDays.toFixed(1)),
  rate(f.replyRate),
  rate(f.onTimeRate),
  f.rated,
  f.satisfied,
  f.neutral,
  f.unsatisfied,
  rate(f.satisfactionRate),
  f.spotChecked,
  f.substandard,
  f.invalidPending,
  rate(f.invalidRate),
  f.flagged,
  rate(f.firstDeadlineOnTimeRate),
];

/**
 * The statistics pages as office-ready workbooks (概览, 留言统计, 站群监测, 站点与人员, 账号安全;
 * 操作日志 exports itself, with each entry's hash): each the figures its page shows, under the
 * same filters and site scope, with a title, a stamp in the group's time zone and a Chinese file
 * name. No citizen's name, phone or e-mail is in any of them. Each export is written to the
 * audit log.
 */
const reportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const report = async (
    { name, dated }: { name: string; dated: boolean },
    title: string,
    sheets: WorkbookSheet[],
    details: Record<string, unknown>
  ): Promise<Report> => ({
    title: name,
    dated,
    workbook: workbookStream({ title, notes: [stampLine(new Date(), config().timezone)] }, sheets),
    record: { summary: `导出《${name}》`, subject: name, details },
  });

  return {
    /** 概览: the year's figures per site level, with the totals. */
    async overview(year: number | undefined, scope: SiteScope): Promise<Report> {
      const o = await getService(strapi, 'overview').forYear(year, scope);
      const cells = (label: string, f: Omit<(typeof o.levels)[number], 'level'>) => [
        label,
        f.sites,
        f.articles,
        f.specialTopics,
        f.messages,
        f.replies,
      ];
      return report(
        { name: `${o.year}年站群概览`, dated: false },
        `${o.year}年${o.groupName}概览`,
        [
          {
            name: `${o.year}年概览`,
            note: scope.all ? undefined : '范围：本人所属站点',
            columns: [
              { head: '网站类别', width: 14 },
              { head: '网站数', width: 10 },
              { head: '发布信息（条）', width: 16 },
              { head: '其中专题（条）', width: 16 },
              { head: '网民留言（条）', width: 16 },
              { head: '已答复（条）', width: 14 },
            ],
            rows: [...o.levels.map((l) => cells(LEVEL_NAMES[l.level], l)), cells('合计', o.totals)],
          },
        ],
        { report: 'overview', year: o.year }
      );
    },

    /** 留言统计: the year's figures per site, grouped by level, with the level and group totals. */
    async messageStatistics(year: number): Promise<Report> {
      const s = await getService(strapi, 'messageStatistics').forYear(year);
      const rows = [
        ...s.levels.flatMap((l) => [
          ...l.sites.map((site) => [
            LEVEL_NAMES[l.level],
            site.site.name,
            ...figureCells(site.figures),
          ]),
          [LEVEL_NAMES[l.level], '小计', ...figureCells(l.totals)],
        ]),
        ['全部', '合计', ...figureCells(s.totals)],
      ];
      return report(
        { name: `${year}年留言统计`, dated: false },
        `${year}年${config().groupName}网民留言办理统计`,
        [
          {
            name: `${year}年留言统计`,
            columns: [
              { head: '网站类别', width: 10 },
              { head: '网站', width: 30 },
              ...FIGURE_COLUMNS,
            ],
            rows,
          },
        ],
        { report: 'messageStatistics', year }
      );
    },

    /** 站群监测: each site's standing against the veto rules, filtered as the page filters. */
    async oversight(filters: OversightFilters, now = new Date()): Promise<Report> {
      const query = filters.query?.trim();
      const rows = (await getService(strapi, 'oversight').bySite(now)).filter(
        (row: SiteOversight) =>
          (!filters.status || row.status === filters.status) &&
          (!filters.level || row.site.level === filters.level) &&
          (!filters.city || row.site.city === filters.city) &&
          (!query || row.site.name.includes(query))
      );
      const zone = config().timezone;
      const day = (iso: string | null) => (iso ? localDate(iso, zone) : '从未发布');
      const note = [
        filters.status && `状态：${STATUS_NAMES[filters.status]}`,
        filters.level && `类别：${LEVEL_NAMES[filters.level]}`,
        filters.city && `所属市：${filters.city}`,
        query && `网站名称含“${query}”`,
      ]
        .filter(Boolean)
        .join('；');
      return report(
        { name: '站群监测', dated: true },
        `${config().groupName}监测情况（截至${localDate(now, zone)}）`,
        [
          {
            name: '站群监测',
            note: note ? `筛选：${note}` : undefined,
            columns: [
              { head: '网站', width: 30 },
              { head: '类别', width: 10 },
              { head: '所属市', width: 12 },
              { head: '状态', width: 8 },
              { head: '最近发布', width: 12 },
              ...Object.values(RULE_NAMES).map((head) => ({ head, width: 34 })),
              { head: '待审稿件', width: 10 },
              { head: '密码过期账号', width: 12 },
              { head: '不可用链接', width: 10 },
            ],
            rows: rows.map((row) => [
              row.site.name,
              LEVEL_NAMES[row.site.level],
              row.site.city ?? '',
              STATUS_NAMES[row.status],
              day(row.lastPublishedAt),
              ...(Object.keys(RULE_NAMES) as Array<keyof typeof RULE_NAMES>).map((rule) => {
                const verdict = row.rules.find((r) => r.rule === rule);
                return verdict ? describeVerdict(verdict) : '';
              }),
              row.reviewBacklog.waiting,
              row.expiredAccounts,
              row.brokenLinks,
            ]),
          },
        ],
        { report: 'oversight', filters }
      );
    },

    /** 站点与人员: every site in scope with its responsible person and its people by capacity. */
    async sites(scope: SiteScope): Promise<Report> {
      const tree = await getService(strapi, 'sites').tree(scope);
      const flat: Array<{ node: SiteNode; parent: string }> = [];
      const walk = (nodes: SiteNode[], parent: string) => {
        for (const node of nodes) {
          flat.push({ node, parent });
          walk(node.children, node.name);
        }
      };
      walk(tree, '');
      const people = (node: SiteNode, capacity: keyof typeof CAPACITY_NAMES) =>
        node.members
          .filter((m) => m.capacity === capacity)
          .map((m) => (m.active ? m.name : `${m.name}（已停用）`))
          .join('、');
      const capacities = Object.keys(CAPACITY_NAMES) as Array<keyof typeof CAPACITY_NAMES>;
      return report(
        { name: '站点与人员', dated: true },
        `${config().groupName}站点与人员`,
        [
          {
            name: '站点与人员',
            columns: [
              { head: '网站', width: 30 },
              { head: '代码', width: 16 },
              { head: '类别', width: 10 },
              { head: '上级网站', width: 20 },
              { head: '状态', width: 8 },
              { head: '责任人', width: 12 },
              ...capacities.map((c) => ({ head: CAPACITY_NAMES[c], width: 20 })),
            ],
            rows: flat.map(({ node, parent }) => [
              node.name,
              node.code,
              LEVEL_NAMES[node.level],
              parent,
              node.active ? '运行' : '已关闭',
              node.responsiblePerson ?? '',
              ...capacities.map((c) => people(node, c)),
            ]),
          },
        ],
        { report: 'sites' }
      );
    },

    /** 账号安全: the accounts of the chosen tab and search, as the page lists them. */
    async accounts(filters: { filter?: AccountFilter; q?: string }): Promise<Report> {
      const { data } = await getService(strapi, 'accounts').list(filters);
      const zone = config().timezone;
      const day = (iso: string | null) => (iso ? localDate(iso, zone) : '');
      const time = (iso: string | null) => (iso ? localDateTime(iso, zone, { seconds: true }) : '');
      const tab = filters.filter ?? 'all';
      const note = [tab !== 'all' && ACCOUNT_TABS[tab], filters.q && `搜索“${filters.q}”`]
        .filter(Boolean)
        .join('；');
      return report(
        { name: `账号安全（${ACCOUNT_TABS[tab]}）`, dated: true },
        `${config().groupName}账号安全`,
        [
          {
            name: '账号安全',
            note: note ? `筛选：${note}` : undefined,
            columns: [
              { head: '姓名', width: 12 },
              { head: '账号', width: 28 },
              { head: '状态', width: 8 },
              { head: '角色', width: 20 },
              { head: '所属站点（身份）', width: 36 },
              { head: '责任人', width: 12 },
              { head: '密码已用天数', width: 12 },
              { head: '密码到期日', width: 12 },
              { head: '剩余天数', width: 10 },
              { head: '须修改密码', width: 12 },
              { head: '锁定至', width: 18 },
              { head: '最近登录', width: 18 },
            ],
            rows: data.map((a) => [
              a.name,
              a.email,
              a.isActive ? '启用' : '停用',
              a.roles.join('、'),
              a.sites.map((s) => `${s.name}（${CAPACITY_NAMES[s.capacity]}）`).join('、'),
              a.holderName ?? '',
              a.passwordAgeDays ?? '',
              day(a.expiresAt),
              a.daysLeft ?? '',
              a.mustChange ? MUST_CHANGE_NAMES[a.mustChange] : '',
              time(a.lockedUntil),
              time(a.lastLoginAt),
            ]),
          },
        ],
        { report: 'accounts', filters }
      );
    },

    /** 年度通报 as a Word document: the notice of the year's figures with its ranking table. */
    async annualNoticeDocument(year: number, heading: DocumentHeading) {
      const notice = await getService(strapi, 'rankings').notice(year);
      const file = await officialDocument({
        ...heading,
        title: notice.title,
        sections: notice.sections,
        // Which frozen version the figures are quoted from (第N版), so a replaced one is visible.
        source: notice.quotes,
        attachment: notice.attachment,
      });
      const title = `${year}年内容维护情况通报`;
      const record: ExportRecord = {
        summary: `导出《${title}》（${heading.docNumber}）`,
        subject: notice.title,
        details: { report: 'annualNotice', year, docNumber: heading.docNumber },
      };
      return { title, file, record };
    },

    /** 监测通报 as a Word document: the draft of the period, as the notice page shows it. */
    async inspectionNoticeDocument(from: string, to: string, heading: DocumentHeading) {
      const draft = await getService(strapi, 'inspectionNotices').draft(from, to);
      const file = await officialDocument({
        ...heading,
        title: draft.title,
        sections: draft.sections,
      });
      const title = draft.title.replace(/^关于/, '').replace(/的通报$/, '通报');
      const record: ExportRecord = {
        summary: `导出《${title}》（${heading.docNumber}）`,
        subject: draft.title,
        details: { report: 'inspectionNotice', from, to, docNumber: heading.docNumber },
      };
      return { title, file, record };
    },
  };
};

export default reportsService;
