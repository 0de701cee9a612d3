import type { Core } from '@strapi/strapi';
import type { QueueItem, ReviewCount, ReviewStatus } from '../../../shared/contracts/review';
import type { ArticleTodos } from '../../../shared/contracts/workbench';
import { siteScope, type SiteScope } from '../sites/scope';
import { dbNames } from '../utils/db-names';
import { queueItem } from './dto';
import type { QueueFilters } from './validation';
import { ARTICLE, PENDING, STATE, STATE_POPULATE, type Actor, type StateRow } from './store';
import { waitingFor } from './waiting-for';

type Stamp = string | number | Date | null;

/** The query engine's conditions for a tab of the queue and its filters. */
const conditions = (strapi: Core.Strapi, user: Actor, scope: SiteScope, filters: QueueFilters) => {
  const where: Record<string, unknown>[] = [];
  // Only the caller's current sites, whatever the tab: a member removed from a site loses it.
  if (!scope.all) where.push({ site: { id: { $in: scope.siteIds } } });
  if (filters.tab === 'mine') where.push({ submittedBy: { id: user.id } });
  else if (filters.tab === 'all') where.push({ status: { $in: PENDING } });
  else where.push({ id: { $in: waitingFor(strapi, user.id).select('s.id') } });
  if (filters.site) where.push({ site: { code: filters.site } });
  if (filters.capacity) where.push({ currentCapacity: filters.capacity });
  if (filters.waitingDays) {
    where.push({
      waitingSince: { $lte: new Date(Date.now() - filters.waitingDays * 86_400_000) },
    });
  }
  return where;
};

/** The draft titles of the states' articles, by document id. */
const draftTitles = async (strapi: Core.Strapi, states: StateRow[]) => {
  const drafts = (await strapi.db.query(ARTICLE).findMany({
    where: { documentId: { $in: states.map((s) => s.articleDocumentId) }, publishedAt: null },
    select: ['documentId', 'title'],
  })) as Array<{ documentId: string; title: string }>;
  return new Map(drafts.map((d) => [d.documentId, d.title]));
};

/**
 * 待我审核 and the other lists of the queue page. `toReview`: rounds waiting at a step the
 * caller holds for the site, not their own and not a second step of theirs. `mine`: what the
 * caller submitted. `all`: every open round within the caller's sites.
 */
const queue = async (
  strapi: Core.Strapi,
  user: Actor,
  filters: QueueFilters
): Promise<QueueItem[]> => {
  const scope = await siteScope(strapi, user);
  const states = (await strapi.db.query(STATE).findMany({
    where: { $and: conditions(strapi, user, scope, filters) },
    populate: STATE_POPULATE,
    // Longest waiting first; one's own submissions newest first.
    orderBy:
      filters.tab === 'mine'
        ? [{ submittedAt: 'desc' }]
        : [{ waitingSince: 'asc' }, { submittedAt: 'desc' }],
    limit: 500,
  })) as StateRow[];
  const titles = await draftTitles(strapi, states);
  return states.flatMap((state) => {
    const title = titles.get(state.articleDocumentId);
    return title !== undefined && state.site
      ? [queueItem({ ...state, site: state.site }, title)]
      : [];
  });
};

/** The figures on the menu and the home page: one count query each. */
const count = async (strapi: Core.Strapi, user: Actor): Promise<ReviewCount> => {
  const waiting = (await waitingFor(strapi, user.id).count({ count: '*' }).first()) as
    { count: number | string } | undefined;
  const scope = await siteScope(strapi, user);
  const toRevise = await strapi.db.query(STATE).count({
    where: {
      submittedBy: { id: user.id },
      status: 'rejected',
      ...(scope.all ? {} : { site: { id: { $in: scope.siteIds } } }),
    },
  });
  return { toReview: Number(waiting?.count ?? 0), toRevise };
};

/** 待我审核 on the home page: how many wait for the caller, and since when the longest has, in one query. */
const waitingSummary = async (strapi: Core.Strapi, user: Actor) => {
  const state = dbNames(strapi, STATE);
  const row = (await waitingFor(strapi, user.id)
    .count({ count: '*' })
    .min({ since: `s.${state.column('waitingSince')}` })
    .first()) as { count: number | string; since: Stamp } | undefined;
  const toReview = Number(row?.count ?? 0);
  return {
    toReview,
    oldestWaitingSince: toReview > 0 && row?.since ? new Date(row.since).toISOString() : null,
  };
};

/** The review states an article list is filtered by on the home page (站点编辑's to-dos). */
const OPEN_FOR_EDITORS = ['rejected', 'draft', 'withdrawn'] as const satisfies ReadonlyArray<
  ReviewStatus & keyof ArticleTodos
>;
type OpenForEditors = (typeof OPEN_FOR_EDITORS)[number];

/**
 * The articles of the given sites by the review state kept on them (`reviewStatus`, what the
 * article list filters by), counted on the draft rows (one per article), in one grouped query.
 * Read by the site key (sites/site-key.ts) through the index on (review state, site key, draft):
 * the open articles only, never the site's archive, as the article list counts them.
 */
const articleCounts = async (strapi: Core.Strapi, siteIds: number[]): Promise<ArticleTodos> => {
  const counts: ArticleTodos = { rejected: 0, draft: 0, withdrawn: 0 };
  if (siteIds.length === 0) return counts;
  const article = dbNames(strapi, ARTICLE);
  const status = article.column('reviewStatus');
  const rows = (await strapi.db
    .connection(article.table)
    .select({ status })
    .count({ n: '*' })
    .whereNull('published_at')
    .whereIn(status, OPEN_FOR_EDITORS)
    .whereIn(article.column('siteKey'), siteIds)
    .groupBy(status)) as Array<{ status: OpenForEditors; n: number | string }>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
};

/** Per site id: articles waiting in review and since when the longest has waited (站群监测). */
const backlogBySite = async (strapi: Core.Strapi) => {
  const state = dbNames(strapi, STATE);
  const link = state.joinTable('site');
  const rows = (await strapi.db
    .connection(`${state.table} as r`)
    .join(`${link.table} as l`, `l.${link.ownerColumn}`, 'r.id')
    .select({ siteId: `l.${link.targetColumn}` })
    .count({ waiting: '*' })
    .min({ since: `r.${state.column('waitingSince')}` })
    .whereIn(`r.${state.column('status')}`, PENDING)
    .groupBy(`l.${link.targetColumn}`)) as Array<{
    siteId: number;
    waiting: number | string;
    since: Stamp;
  }>;
  return new Map(
    rows.map((row) => [Number(row.siteId), { waiting: Number(row.waiting), since: row.since }])
  );
};

/** The lists of the queue page, the figures on the menu and the home page (工作台), and the backlog per site. */
export const reviewQueue = (strapi: Core.Strapi) => ({
  queue: (user: Actor, filters: QueueFilters) => queue(strapi, user, filters),
  count: (user: Actor) => count(strapi, user),
  waitingSummary: (user: Actor) => waitingSummary(strapi, user),
  articleCounts: (siteIds: number[]) => articleCounts(strapi, siteIds),
  backlogBySite: () => backlogBySite(strapi),
});
