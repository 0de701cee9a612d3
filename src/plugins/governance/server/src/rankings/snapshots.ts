import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';

import {
  RANKING_FIGURES,
  type Ranking,
  type RankingDifference,
  type RankingSnapshotVersion,
  type RankingSnapshotInfo,
} from '../../../shared/contracts/rankings';
import { RANKING_SNAPSHOT } from '../uids';

interface SnapshotRow {
  id: number;
  year: number;
  version: number | null;
  ranking: Ranking;
  takenAt: string;
  takenBy: string;
  note: string | null;
  reason: string | null;
  differences: RankingDifference[] | null;
}

/** The columns of a version's description, without its (large) ranking. */
const INFO_COLUMNS = [
  'id',
  'year',
  'version',
  'takenAt',
  'takenBy',
  'note',
  'reason',
  'differences',
];

const info = (row: Omit<SnapshotRow, 'ranking'>): RankingSnapshotInfo => ({
  year: row.year,
  version: row.version ?? 1,
  takenAt: new Date(row.takenAt).toISOString(),
  takenBy: row.takenBy,
  note: row.note ?? null,
  reason: row.reason ?? null,
  changedFigures: row.differences?.length ?? 0,
});

export const SNAPSHOT_ERRORS = {
  reasonRequired: (year: number, version: number) =>
    `${year}年发布排名已冻结第${version}版，重新冻结须填写理由（5 至 500 字），原版本将保留`,
  noSuchVersion: (year: number, version: number) => `${year}年发布排名没有第${version}版`,
  notFrozen: (year: number) => `${year} 年的排名尚未冻结`,
  concurrent: '其他管理员正在同时冻结该年度排名，请刷新后查看最新版本',
  nothing: (year: number) => `${year} 年没有发布任何信息，无排名可冻结`,
} as const;

/** Every figure of a site that differs between the frozen and the live ranking (a site missing from one counts as zeros there). */
export const differences = (frozen: Ranking, live: Ranking): RankingDifference[] => {
  const rowsOf = (ranking: Ranking) =>
    new Map(
      ranking.groups.flatMap((g) => g.rows.map((row) => [row.site.documentId, row] as const))
    );
  const before = rowsOf(frozen);
  const now = rowsOf(live);
  const changes: RankingDifference[] = [];
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
 * Frozen rankings (快照) are versions: the notice of a year quotes its latest version, named 第N版.
 * Freezing a year again adds version n+1 with its reason and the per-site differences from
 * version n (kept on the version and in the audit entry); no route edits or removes a version.
 */
const snapshotsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(RANKING_SNAPSHOT);

  const latestRow = async (year: number) =>
    (await query().findOne({
      where: { year },
      orderBy: [{ version: 'desc' }, { id: 'desc' }],
    })) as SnapshotRow | null;

  return {
    /** The latest version of a year, which the notice and the panel quote. */
    async get(year: number): Promise<(RankingSnapshotInfo & { ranking: Ranking }) | null> {
      const row = await latestRow(year);
      return row ? { ...info(row), ranking: row.ranking } : null;
    },

    /** Every version of a year, newest first, without their rankings. */
    async versions(year: number): Promise<RankingSnapshotInfo[]> {
      const rows = (await query().findMany({
        where: { year },
        select: INFO_COLUMNS,
        orderBy: [{ version: 'desc' }, { id: 'desc' }],
      })) as Array<Omit<SnapshotRow, 'ranking'>>;
      return rows.map(info);
    },

    /** One version with its ranking and what changed from the version before. */
    async version(year: number, version: number): Promise<RankingSnapshotVersion> {
      const row = (await query().findOne({
        where:
          version === 1 ? { year, $or: [{ version: 1 }, { version: null }] } : { year, version },
      })) as SnapshotRow | null;
      if (!row) throw new errors.NotFoundError(SNAPSHOT_ERRORS.noSuchVersion(year, version));
      return { ...info(row), ranking: row.ranking, differences: row.differences ?? [] };
    },

    async freeze(
      year: number,
      { note, reason }: { note: string | null; reason: string | null },
      user: { id: number; firstname?: string | null; lastname?: string | null; email?: string }
    ) {
      const ranking = await getService(strapi, 'rankings').compute(year);
      if (ranking.totals.articles === 0) {
        throw new errors.ValidationError(SNAPSHOT_ERRORS.nothing(year));
      }
      let saved: SnapshotRow;
      let previous: SnapshotRow | null;
      try {
        ({ saved, previous } = await strapi.db.transaction(async () => {
          const before = await latestRow(year);
          if (before && !reason)
            throw new errors.ValidationError(
              SNAPSHOT_ERRORS.reasonRequired(year, before.version ?? 1),
              { field: 'reason' }
            );
          const row = (await query().create({
            data: {
              year,
              version: before ? (before.version ?? 1) + 1 : 1,
              ranking,
              takenAt: new Date(),
              takenBy: personName(user),
              takenById: user.id,
              note,
              reason: before ? reason : null,
              differences: before ? differences(before.ranking, ranking) : [],
            },
          })) as SnapshotRow;
          return { saved: row, previous: before };
        }));
      } catch (error) {
        // Two provincial admins freezing at once: the unique (year, version) lets one version in.
        if (!(error instanceof errors.ApplicationError) && /unique|duplicate/i.test(String(error)))
          throw new errors.ApplicationError(SNAPSHOT_ERRORS.concurrent);
        throw error;
      }
      const version = saved.version ?? 1;
      await getService(strapi, 'audit').record('rankings.freeze', {
        summary: previous
          ? `重新冻结${year}年发布排名为第${version}版（替换第${previous.version ?? 1}版，保留原版本），理由：${reason}；与原版本相比${saved.differences?.length ?? 0}项数字不同`
          : `冻结${year}年发布排名：${ranking.totals.sites}个网站，信息${ranking.totals.articles}条${note ? `（${note}）` : ''}`,
        actor: user,
        subject: String(year),
        details: {
          year,
          version,
          sites: ranking.totals.sites,
          articles: ranking.totals.articles,
          replaced: previous ? (previous.version ?? 1) : null,
          reason: previous ? reason : null,
          differences: (saved.differences ?? []).map((d) => ({
            site: d.site.code,
            name: d.site.name,
            field: d.field,
            before: d.frozen,
            after: d.live,
          })),
        },
      });
      return { ...info(saved), ranking };
    },
  };
};

export default snapshotsService;
