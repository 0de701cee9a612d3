/**
 * 政府网站工作年度报表 (国办函〔2018〕12号): a site's form for a past local year. Shared by the
 * server (annual-reports/) and the admin page.
 */
import type { ReportCategory } from './columns';

export const SITE_TYPES = ['governmentPortal', 'departmentSite', 'specialSite'] as const;
export type SiteType = (typeof SITE_TYPES)[number];

/** The form's head, from the site's record (sites' identity fields). */
export interface ReportSiteIdentity {
  documentId: string;
  name: string;
  code: string;
  url: string | null;
  sponsor: string | null;
  siteType: SiteType | null;
  siteIdCode: string | null;
  icpNumber: string | null;
  publicSecurityNumber: string | null;
}

/** 信息发布 (条): counted articles first published in the year, by their columns' category. */
export type PublishingFigures = Record<'total' | Exclude<ReportCategory, 'none'>, number>;

/**
 * What the CMS itself knows of a site's year, as the form asks it: each figure filled and locked
 * on the form, with what it counted a drill-down away.
 */
export interface AutomaticFigures {
  year: number;
  site: ReportSiteIdentity;
  /** 网站总访问量: page views the beacon counted (a day judged abnormal counts its threshold). */
  visits: number;
  /**
   * 独立用户访问总量: the distinct visitors the beacon counted in the year (an estimate within
   * about 2%); null for a year before it counted them.
   */
  uniqueVisitors: number | null;
  publishing: PublishingFigures;
  /** 互动交流 → 留言办理, of the messages received in the year. */
  messages: {
    received: number;
    /** 办结: answered substantively (a refusal or a placeholder is no answer). */
    closed: number;
    /** 平均办理时间, in working days from receipt to the answer (as the deadlines count). */
    averageWorkingDays: number | null;
    /** 公开答复: answered and published on the site with the citizen's consent. */
    publiclyAnswered: number;
  };
  /** 安全防护, from the content inspection (内容巡检) of the site's published articles. */
  security: {
    /** 安全检测评估次数: inspections finished in the year over the group or the site alone. */
    inspections: number;
    /** 发现问题数量: faults first found in the year, less those judged false positives (误报). */
    problemsFound: number;
    /** 问题整改数量: of them, those corrected since (no longer found). */
    problemsFixed: number;
  };
}

/** GET …/annual-reports/sites/:documentId/years/:year/articles: what a 信息发布 figure counted. */
export interface CountedArticle {
  documentId: string;
  title: string;
  column: string | null;
  firstPublishedAt: string;
}
