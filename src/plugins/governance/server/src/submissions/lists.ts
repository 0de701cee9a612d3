import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { siteScope } from '../sites/scope';
import { dbNames } from '../utils/db-names';
import type { AdminUser } from '../utils/document-middleware';
import { findPage } from '../utils/paged';
import { submissionRecords, type SiteWithParent, type SubmissionRow } from './records';
import type { ListFilters } from './validation';
import { ARTICLE, SUBMISSION } from '../uids';

const PAGE_SIZE = 20;

/** 信息报送's lists: what the user's sites received and sent, their counts, and the ranking's sums. */
export const submissionLists = (strapi: Core.Strapi) => {
  const { timezone, sites, shape, sitesWorkedFor } = submissionRecords(strapi);

  const existingArticles = async (rows: SubmissionRow[]) => {
    const ids = [...new Set(rows.map((row) => row.sourceArticleDocumentId))];
    if (ids.length === 0) return new Set<string>();
    const found = await strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] });
    return new Set(found.map((row: { documentId: string }) => row.documentId));
  };

  const list = async (
    where: Record<string, unknown>,
    filters: ListFilters,
    all: Map<string, SiteWithParent>
  ) => {
    const sourceSites = [...all.values()].filter(
      (site) =>
        (!filters.site || site.code === filters.site) &&
        (!filters.level || site.level === filters.level)
    );
    const conditions: Record<string, unknown>[] = [
      where,
      { sourceSiteDocumentId: { $in: sourceSites.map((s) => s.documentId) } },
    ];
    if (filters.status) conditions.push({ status: filters.status });
    if (filters.minWaitingDays) {
      const before = DateTime.now()
        .setZone(timezone())
        .startOf('day')
        .minus({ days: filters.minWaitingDays - 1 })
        .toJSDate();
      conditions.push({ submittedAt: { $lt: before } });
    }
    const page = filters.page ?? 1;
    const { rows, pagination } = await findPage<SubmissionRow>(
      strapi,
      SUBMISSION,
      {
        where: { $and: conditions },
        orderBy: [{ submittedAt: filters.status === 'submitted' ? 'asc' : 'desc' }, { id: 'asc' }],
      },
      { page, pageSize: PAGE_SIZE }
    );
    const existing = await existingArticles(rows);
    return { data: rows.map((row) => shape(row, all, existing)), pagination };
  };

  return {
    /** 报送信息 (incoming): submissions to the sites the user works for, oldest open first. */
    async incoming(filters: ListFilters, user: AdminUser) {
      const [all, mine] = await Promise.all([sites(), sitesWorkedFor(user)]);
      const { data, pagination } = await list(
        { targetSiteDocumentId: { $in: [...mine] } },
        filters,
        all
      );
      return { data, meta: { pagination, counts: await this.counts(user) } };
    },

    /** 我的报送 (outgoing): submissions from the user's sites (every site for the province). */
    async outgoing(filters: ListFilters, user: AdminUser) {
      const all = await sites();
      const scope = await siteScope(strapi, user);
      const where = scope.all
        ? {}
        : { sourceSiteDocumentId: { $in: [...(await sitesWorkedFor(user))] } };
      const { data, pagination } = await list(where, filters, all);
      return { data, meta: { pagination, counts: await this.counts(user) } };
    },

    /** Open submissions waiting for the user's sites, and the user's sites' waiting ones. */
    async counts(user: AdminUser) {
      const mine = [...(await sitesWorkedFor(user))];
      const [incoming, outgoing] = await Promise.all([
        strapi.db
          .query(SUBMISSION)
          .count({ where: { targetSiteDocumentId: { $in: mine }, status: 'submitted' } }),
        strapi.db
          .query(SUBMISSION)
          .count({ where: { sourceSiteDocumentId: { $in: mine }, status: 'submitted' } }),
      ]);
      return { incoming, outgoing };
    },

    /**
     * Per sending site (document id), what it submitted in [start, end) and still counts: not
     * withdrawn, its source published; and of those, what was adopted and whose copy is online.
     * One grouped query over the kept flags (follow.ts).
     */
    async sentBetween(start: Date, end: Date) {
      const submission = dbNames(strapi, SUBMISSION);
      const rows = (await strapi.db
        .connection(submission.table)
        .select({ site: submission.column('sourceSiteDocumentId') })
        .count({ submitted: '*' })
        .sum({
          adopted: strapi.db.connection.raw('case when ?? = ? and ?? = ? then 1 else 0 end', [
            submission.column('status'),
            'adopted',
            submission.column('copyPublished'),
            true,
          ]),
        })
        .whereNot(submission.column('status'), 'withdrawn')
        .where(submission.column('sourcePublished'), true)
        .where(submission.column('submittedAt'), '>=', start)
        .where(submission.column('submittedAt'), '<', end)
        .groupBy(submission.column('sourceSiteDocumentId'))) as Array<{
        site: string;
        submitted: number | string;
        adopted: number | string | null;
      }>;
      return new Map(
        rows.map((row) => [
          row.site,
          { submitted: Number(row.submitted), adopted: Number(row.adopted ?? 0) },
        ])
      );
    },
  };
};
