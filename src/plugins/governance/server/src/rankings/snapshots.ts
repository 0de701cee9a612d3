import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';

import {
  RANKING_FIGURES,
  type Ranking,
  type RankingResponse,
  type RankingSnapshotInfo,
} from '../../../shared/contracts/rankings';
import { RANKING_SNAPSHOT } from '../uids';

interface SnapshotRow {
  year: number;
  ranking: Ranking;
  takenAt: string;
  takenBy: string;
  note: string | null;
}

const info = (row: SnapshotRow): RankingSnapshotInfo => ({
  year: row.year,
  takenAt: new Date(row.takenAt).toISOString(),
  takenBy: row.takenBy,
  note: row.note ?? null,
});

/** Every figure of a site that differs between the frozen and the live ranking (a site missing from one counts as zeros there). */
export const differences = (
  frozen: Ranking,
  live: Ranking
): RankingResponse['changedSinceSnapshot'] => {
  const rowsOf = (ranking: Ranking) =>
    new Map(
      ranking.groups.flatMap((g) => g.rows.map((row) => [row.site.documentId, row] as const))
    );
  const before = rowsOf(frozen);
  const now = rowsOf(live);
  const changes: RankingResponse['changedSinceSnapshot'] = [];
  for (const id of new Set([...before.keys(), ...now.keys()])) {
    const a = before.get(id);
    const b = now.get(id);
    for (const field of RANKING_FIGURES) {
      const frozenValue = a?.[field] ?? 0;
      const liveValue = b?.[field] ?? 0;
      if (frozenValue !== liveValue) {
        changes.push({ site: (b ?? a)!.site, field, frozen: frozenValue, live: liveValue });
      }
    }
  }
  return changes;
};

/**
 * Frozen rankings (快照): the notice published for a year quotes the figures as they were when
 * the province froze them. Freezing again replaces the year's snapshot; the audit trail keeps
 * who froze what and when.
 */
const snapshotsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(year: number): Promise<(RankingSnapshotInfo & { ranking: Ranking }) | null> {
    const row = (await strapi.db
      .query(RANKING_SNAPSHOT)
      .findOne({ where: { year } })) as SnapshotRow | null;
    return row ? { ...info(row), ranking: row.ranking } : null;
  },

  async freeze(
    year: number,
    note: string | null,
    user: { id: number; firstname?: string | null; lastname?: string | null; email?: string }
  ) {
    const ranking = await getService(strapi, 'rankings').compute(year);
    if (ranking.totals.articles === 0) {
      throw new errors.ValidationError(`${year} 年没有发布任何信息，无排名可冻结`);
    }
    const data = {
      year,
      ranking,
      takenAt: new Date(),
      takenBy: personName(user),
      takenById: user.id,
      note,
    };
    // One row per year (a unique index): two provincial admins freezing at once leave one snapshot.
    const { saved, replaced } = await strapi.db.transaction(async () => {
      const existing = await strapi.db
        .query(RANKING_SNAPSHOT)
        .findOne({ where: { year }, select: ['id'] });
      return {
        replaced: Boolean(existing),
        saved: (existing
          ? await strapi.db.query(RANKING_SNAPSHOT).update({ where: { id: existing.id }, data })
          : await strapi.db.query(RANKING_SNAPSHOT).create({ data })) as SnapshotRow,
      };
    });
    await getService(strapi, 'audit').record('rankings.freeze', {
      summary: `${replaced ? '重新冻结' : '冻结'}${year}年发布排名：${ranking.totals.sites}个网站，信息${ranking.totals.articles}条${note ? `（${note}）` : ''}`,
      actor: user,
      subject: String(year),
      details: { year, sites: ranking.totals.sites, articles: ranking.totals.articles, replaced },
    });
    return { ...info(saved), ranking };
  },
});

export default snapshotsService;
