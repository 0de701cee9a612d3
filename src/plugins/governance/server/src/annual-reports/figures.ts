import type { Core } from '@strapi/strapi';
import { REPORT_CATEGORY_BY_KIND, type ReportCategory } from '../../../shared/contracts/columns';
import type {
  AutomaticFigures,
  CountedArticle,
  ReportSiteIdentity,
} from '../../../shared/contracts/annual-reports';
import type { ColumnKind } from '../../../shared/contracts/oversight';
import { countedVisitsSql } from '../rankings/visit-anomalies';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import type { GovernanceConfig } from '../config';
import { localYearRange } from '../time/local-year';
import { ARTICLE, INSPECTION_FINDING, INSPECTION_RUN, SITE_COLUMN, SITE_VISIT } from '../uids';
import { publicationTables } from '../figures/tables';

type Count = number | string | null;

/** A 信息发布 figure, whose articles a drill-down lists. */
export type PublishingFigure = 'total' | Exclude<ReportCategory, 'none'>;

export const SITE_IDENTITY_FIELDS = [
  'documentId',
  'name',
  'code',
  'url',
  'sponsor',
  'siteType',
  'siteIdCode',
  'icpNumber',
  'publicSecurityNumber',
] as const;

export type ReportSite = ReportSiteIdentity & { id: number };

/**
 * 政府网站工作年度报表: what the CMS itself knows of one site's local year, read from the kept
 * figures (a few rows a site and year, whatever the archive) and the site's own record:
 * - 信息发布: articles first published in the year and still online, counted as the ranking
 *   counts them (not trivial, not a copy: review/counting.ts), each under the 年度报表类别 of the
 *   column it is filed in (栏目管理; a former name counts for the column);
 * - 网站总访问量: the beacon's page views, a day judged abnormal counting its threshold;
 * - 独立用户访问总量: the distinct visitors behind them (rankings/unique-visitors.ts);
 * - 留言办理: the messages received in the year, as 留言统计 counts them;
 * - 安全防护: the content inspection's runs over the site and the faults they found.
 */
export const annualFigures = (strapi: Core.Strapi) => {
  /** Column name (and former name) → category, for one site's columns, retired ones too. */
  const categories = async (siteDocumentId: string) => {
    const columns = (await strapi.db.query(SITE_COLUMN).findMany({
      where: { siteDocumentId },
      select: ['name', 'kind', 'reportCategory', 'formerNames'],
    })) as Array<{
      name: string;
      kind: ColumnKind;
      reportCategory: ReportCategory | null;
      formerNames: string[] | null;
    }>;
    const byName = new Map<string, ReportCategory>();
    for (const column of columns) {
      const category = column.reportCategory ?? REPORT_CATEGORY_BY_KIND[column.kind];
      for (const name of [column.name, ...(column.formerNames ?? [])]) byName.set(name, category);
    }
    return byName;
  };

  const visitsOf = async (site: ReportSite, year: number) => {
    const visit = dbNames(strapi, SITE_VISIT);
    const db = strapi.db.connection;
    const [row] = (await db(visit.table)
      .sum({
        visits: countedVisitsSql(db, visit.column('visits'), visit.column('flaggedAbove')),
      })
      .where(visit.column('siteDocumentId'), site.documentId)
      .where(visit.column('day'), '>=', `${year}-01-01`)
      .where(visit.column('day'), '<=', `${year}-12-31`)) as Array<{ visits: Count }>;
    return Number(row?.visits ?? 0);
  };

  /** 安全防护: the year's inspections of the site, and what they found and saw corrected. */
  const securityOf = async (site: ReportSite, year: number) => {
    const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
    const { start, end } = localYearRange(year, timezone);
    const inYear = { $gte: start, $lt: end };
    const findings = strapi.db.query(INSPECTION_FINDING);
    const [inspections, problemsFound, problemsFixed] = await Promise.all([
      strapi.db.query(INSPECTION_RUN).count({
        where: { finishedAt: inYear, $or: [{ siteId: null }, { siteId: site.id }] },
      }),
      findings.count({
        where: { siteId: site.id, state: { $ne: 'dismissed' }, firstFoundAt: inYear },
      }),
      findings.count({ where: { siteId: site.id, state: 'gone', firstFoundAt: inYear } }),
    ]);
    return { inspections, problemsFound, problemsFixed };
  };

  return {
    async of(site: ReportSite, year: number): Promise<AutomaticFigures> {
      const [byColumn, byName, visits, uniqueVisitors, statistics, security] = await Promise.all([
        getService(strapi, 'publicationFigures').yearByColumn(year, site.id),
        categories(site.documentId),
        visitsOf(site, year),
        getService(strapi, 'visits').uniqueVisitors(site.documentId, year),
        getService(strapi, 'messageStatistics').forYear(year, [site.id]),
        securityOf(site, year),
      ]);
      const publishing = { total: 0, overview: 0, news: 0, disclosure: 0 };
      for (const [columnName, counts] of byColumn) {
        publishing.total += counts.articles;
        const category = byName.get(columnName);
        if (category && category !== 'none') publishing[category] += counts.articles;
      }
      const { received, replied, averageWorkingDays, publiclyAnswered } = statistics.totals;
      const { id: _id, ...identity } = site;
      return {
        year,
        site: identity,
        visits,
        uniqueVisitors,
        publishing,
        messages: { received, closed: replied, averageWorkingDays, publiclyAnswered },
        security,
      };
    },

    /**
     * What a 信息发布 figure counted: its articles, newest first, a page at a time, from the
     * kept entries (one per published article) by the site's index.
     */
    async articles(
      site: ReportSite,
      year: number,
      figure: PublishingFigure,
      { page, pageSize }: { page: number; pageSize: number }
    ): Promise<{ articles: CountedArticle[]; total: number }> {
      const { entry } = publicationTables(strapi);
      const db = strapi.db.connection;
      const names =
        figure === 'total'
          ? null
          : [...(await categories(site.documentId))]
              .filter(([, category]) => category === figure)
              .map(([name]) => name);
      if (names?.length === 0) return { articles: [], total: 0 };
      const counted = db(entry.table)
        .where(entry.column('siteId'), site.id)
        .where(entry.column('month'), '>=', `${year}-01-01`)
        .where(entry.column('month'), '<=', `${year}-12-01`)
        .where(entry.column('counted'), true)
        .modify((query) => {
          if (names) query.whereIn(entry.column('columnName'), names);
        });
      const [[{ total }], entries] = (await Promise.all([
        counted.clone().count({ total: '*' }),
        counted
          .clone()
          .select({
            documentId: entry.column('articleDocumentId'),
            columnName: entry.column('columnName'),
            firstPublishedAt: entry.column('firstPublishedAt'),
          })
          .orderBy([
            { column: entry.column('firstPublishedAt'), order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(pageSize)
          .offset((page - 1) * pageSize),
      ])) as [
        Array<{ total: Count }>,
        Array<{ documentId: string; columnName: string; firstPublishedAt: string | number | Date }>,
      ];
      const titles = new Map(
        (
          (await strapi.db.query(ARTICLE).findMany({
            where: {
              documentId: { $in: entries.map((e) => e.documentId) },
              publishedAt: { $notNull: true },
            },
            select: ['documentId', 'title'],
          })) as Array<{ documentId: string; title: string }>
        ).map((article) => [article.documentId, article.title])
      );
      return {
        total: Number(total ?? 0),
        articles: entries.map((e) => ({
          documentId: e.documentId,
          title: titles.get(e.documentId) ?? '',
          column: e.columnName === '' ? null : e.columnName,
          firstPublishedAt: new Date(e.firstPublishedAt).toISOString(),
        })),
      };
    },
  };
};
