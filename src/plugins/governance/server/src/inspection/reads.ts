import type { Core } from '@strapi/strapi';
import type {
  FindingKind,
  InspectionFinding,
  InspectionRunInfo,
  InspectionSiteSummary,
  InspectionSummary,
} from '../../../shared/contracts/inspection';
import type { FindingRule } from '../../../shared/contracts/oversight';
import type { SiteScope } from '../sites/scope';
import { INSPECTION_FINDING, INSPECTION_RUN, SITE } from '../uids';
import { dbNames } from '../utils/db-names';
import { fieldName, KIND_NAMES, LEVEL_NAMES } from './messages';

type Stamp = string | Date | null;

/**
 * The kinds of finding 站群监测's rules count (a denied link has no rule of its own yet; a broken
 * link is a figure beside the rules, not a veto).
 */
export const VETO_KINDS: FindingKind[] = ['word', 'wording', 'personalData'];

/** The 站群监测 rule a serious finding of this kind counts for. */
export const ruleOf = (kind: FindingKind): FindingRule =>
  kind === 'personalData' ? 'personalData' : 'seriousWording';
const iso = (value: Stamp) => (value ? new Date(value).toISOString() : null);

interface SiteRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

export interface FindingFilters {
  site?: string;
  kind?: FindingKind;
  level?: 'forbidden' | 'check';
  state: 'open' | 'dismissed';
  page: number;
  pageSize: number;
}

/**
 * What the 内容巡检 page reads: per site the open findings by kind (one grouped query on
 * `(site_id, state, kind)`), a page of findings, the runs. Always within the caller's sites.
 */
export const inspectionReads = (strapi: Core.Strapi) => {
  const sitesIn = async (scope: SiteScope) =>
    (await strapi.db.query(SITE).findMany({
      where: scope.all ? {} : { id: { $in: scope.siteIds } },
      select: ['id', 'code', 'name', 'active', 'sortOrder'],
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    })) as SiteRow[];

  const runInfo = (row: Record<string, unknown> | null, sites: Map<number, SiteRow>) =>
    row
      ? ({
          site: row.siteId ? pick(sites.get(row.siteId as number)) : null,
          trigger: row.trigger as InspectionRunInfo['trigger'],
          requestedByName: (row.requestedByName as string | null) ?? null,
          read: Number(row.read ?? 0),
          checked: Number(row.checked ?? 0),
          linksChecked: Number(row.linksChecked ?? 0),
          linksBroken: Number(row.linksBroken ?? 0),
          startedAt: iso(row.startedAt as Stamp)!,
          finishedAt: iso(row.finishedAt as Stamp),
        } satisfies InspectionRunInfo)
      : null;

  const pick = (site: SiteRow | undefined) => (site ? { code: site.code, name: site.name } : null);

  /** The findings' condition for the filters, within the caller's sites. */
  const filtered = async (scope: SiteScope, filters: Omit<FindingFilters, 'page' | 'pageSize'>) => {
    const sites = await sitesIn(scope);
    const site = filters.site ? sites.find((s) => s.code === filters.site) : undefined;
    const ids = filters.site ? (site ? [site.id] : []) : sites.map((s) => s.id);
    const where = {
      state: filters.state,
      siteId: { $in: ids.length > 0 ? ids : [-1] },
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.level ? { level: filters.level } : {}),
    };
    return { sites, where };
  };

  return {
    sitesIn,

    /**
     * Per site id, the serious faults found online and still open, as 站群监测's rules count them:
     * forbidden words and wording errors, and personal data (oversight/rules.ts). One grouped
     * query on `(site_id, state, kind)`; of the sites given, or of all.
     */
    async seriousBySite(siteIds?: number[]) {
      const finding = dbNames(strapi, INSPECTION_FINDING);
      const query = strapi.db
        .connection(finding.table)
        .select({ siteId: finding.column('siteId'), kind: finding.column('kind') })
        .count({ n: '*' })
        .where(finding.column('state'), 'open')
        .where(finding.column('level'), 'forbidden')
        .whereIn(finding.column('kind'), VETO_KINDS)
        .groupBy(finding.column('siteId'), finding.column('kind'));
      if (siteIds) query.whereIn(finding.column('siteId'), siteIds.length > 0 ? siteIds : [-1]);
      const bySite = new Map<number, Record<FindingRule, number>>();
      for (const row of (await query) as Array<{
        siteId: number;
        kind: FindingKind;
        n: number | string;
      }>) {
        const counts = bySite.get(Number(row.siteId)) ?? { seriousWording: 0, personalData: 0 };
        counts[ruleOf(row.kind)] += Number(row.n);
        bySite.set(Number(row.siteId), counts);
      }
      return bySite;
    },

    /**
     * Per site id, its open `brokenLink` findings (链接可用性): a figure of 站群监测, no veto rule.
     * One grouped query on `(site_id, state, kind)`; of the sites given, or of all.
     */
    async brokenLinksBySite(siteIds?: number[]) {
      const finding = dbNames(strapi, INSPECTION_FINDING);
      const query = strapi.db
        .connection(finding.table)
        .select({ siteId: finding.column('siteId') })
        .count({ n: '*' })
        .where(finding.column('state'), 'open')
        .where(finding.column('kind'), 'brokenLink')
        .groupBy(finding.column('siteId'));
      if (siteIds) query.whereIn(finding.column('siteId'), siteIds.length > 0 ? siteIds : [-1]);
      return new Map(
        ((await query) as Array<{ siteId: number; n: number | string }>).map((row) => [
          Number(row.siteId),
          Number(row.n),
        ])
      );
    },

    /**
     * Every finding the filters select, as the Excel export's rows (站点, 文章, 类型, 级别, 发现,
     * 位置, 上下文, 建议, 发现时间, and for a dismissed one who judged it and why), read 500 at a
     * time by id.
     */
    async *exportRows(
      scope: SiteScope,
      filters: Omit<FindingFilters, 'page' | 'pageSize'>,
      at: (value: Stamp) => string
    ) {
      const { sites, where } = await filtered(scope, filters);
      const byId = new Map(sites.map((s) => [s.id, s]));
      for (let after = 0; ;) {
        const rows = (await strapi.db.query(INSPECTION_FINDING).findMany({
          where: { ...where, id: { $gt: after } },
          orderBy: { id: 'asc' },
          limit: 500,
        })) as Array<Record<string, unknown>>;
        if (rows.length === 0) return;
        for (const row of rows)
          yield [
            byId.get(row.siteId as number)?.name ?? '',
            (row.title as string | null) ?? '',
            KIND_NAMES[row.kind as FindingKind] ?? '',
            LEVEL_NAMES[row.level as string] ?? '',
            row.word as string,
            fieldName(row.field as string, (row.file as string | null) ?? null),
            Number(row.position ?? 0) + 1,
            (row.context as string) ?? '',
            (row.suggestion as string | null) ?? '',
            at(row.firstFoundAt as Stamp),
            at(row.lastFoundAt as Stamp),
            (row.dismissedByName as string | null) ?? '',
            (row.dismissReason as string | null) ?? '',
          ];
        after = rows[rows.length - 1].id as number;
      }
    },

    async summary(scope: SiteScope): Promise<InspectionSummary> {
      const sites = await sitesIn(scope);
      const ids = sites.map((site) => site.id);
      const finding = dbNames(strapi, INSPECTION_FINDING);
      const rows = (await strapi.db
        .connection(finding.table)
        .select({
          siteId: finding.column('siteId'),
          kind: finding.column('kind'),
          level: finding.column('level'),
        })
        .count({ n: '*' })
        .where(finding.column('state'), 'open')
        .whereIn(finding.column('siteId'), ids.length > 0 ? ids : [-1])
        .groupBy(
          finding.column('siteId'),
          finding.column('kind'),
          finding.column('level')
        )) as Array<{
        siteId: number;
        kind: FindingKind;
        level: 'forbidden' | 'check';
        n: number | string;
      }>;
      const bySite = new Map<number, InspectionSiteSummary>();
      const byId = new Map(sites.map((site) => [site.id, site]));
      for (const site of sites)
        if (site.active)
          bySite.set(site.id, { site: pick(site)!, forbidden: 0, check: 0, byKind: {} });
      for (const row of rows) {
        const site = byId.get(Number(row.siteId));
        if (!site) continue;
        const entry =
          bySite.get(site.id) ??
          bySite
            .set(site.id, { site: pick(site)!, forbidden: 0, check: 0, byKind: {} })
            .get(site.id)!;
        const n = Number(row.n);
        entry[row.level] += n;
        entry.byKind[row.kind] = (entry.byKind[row.kind] ?? 0) + n;
      }
      const runs = strapi.db.query(INSPECTION_RUN);
      const inScope = scope.all ? {} : { $or: [{ siteId: null }, { siteId: { $in: ids } }] };
      const [running, lastFinished] = await Promise.all([
        runs.findOne({ where: { finishedAt: null, ...inScope }, orderBy: { id: 'desc' } }),
        runs.findOne({
          where: { finishedAt: { $notNull: true }, ...inScope },
          orderBy: { finishedAt: 'desc' },
        }),
      ]);
      return {
        sites: [...bySite.values()].sort((a, b) => b.forbidden - a.forbidden || b.check - a.check),
        running: runInfo(running, byId),
        lastFinished: runInfo(lastFinished, byId),
      };
    },

    async findings(scope: SiteScope, filters: FindingFilters) {
      const { sites, where } = await filtered(scope, filters);
      const query = strapi.db.query(INSPECTION_FINDING);
      const other = filters.state === 'open' ? 'dismissed' : 'open';
      const [rows, total, otherTotal] = await Promise.all([
        query.findMany({
          where,
          orderBy: [{ level: 'desc' }, { lastFoundAt: 'desc' }, { id: 'desc' }],
          offset: (filters.page - 1) * filters.pageSize,
          limit: filters.pageSize,
        }) as Promise<Array<Record<string, unknown>>>,
        query.count({ where }),
        // The other tab's count, for its heading.
        query.count({ where: { ...where, state: other } }),
      ]);
      const byId = new Map(sites.map((s) => [s.id, s]));
      const data: InspectionFinding[] = rows.map((row) => ({
        id: row.id as number,
        article: {
          documentId: row.articleDocumentId as string,
          title: (row.title as string | null) ?? null,
        },
        site: pick(byId.get(row.siteId as number)),
        kind: row.kind as FindingKind,
        level: row.level as 'forbidden' | 'check',
        word: row.word as string,
        suggestion: (row.suggestion as string | null) ?? null,
        field: (row.field as string) ?? '',
        file: (row.file as string | null) ?? null,
        position: Number(row.position ?? 0),
        found: (row.found as string) ?? '',
        context: (row.context as string) ?? '',
        state: row.state as InspectionFinding['state'],
        firstFoundAt: iso(row.firstFoundAt as Stamp)!,
        lastFoundAt: iso(row.lastFoundAt as Stamp)!,
        dismissedByName: (row.dismissedByName as string | null) ?? null,
        dismissedAt: iso(row.dismissedAt as Stamp),
        dismissReason: (row.dismissReason as string | null) ?? null,
      }));
      return {
        data,
        pagination: {
          page: filters.page,
          pageSize: filters.pageSize,
          pageCount: Math.ceil(total / filters.pageSize),
          total,
        },
        counts: { [filters.state]: total, [other]: otherTotal } as Record<
          'open' | 'dismissed',
          number
        >,
      };
    },
  };
};
