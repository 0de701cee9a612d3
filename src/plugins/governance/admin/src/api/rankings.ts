import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  AnnualNotice,
  OwnPlaceResponse,
  RankingResponse,
  RankingSettings,
  RankingSnapshotInfo,
  RankingSnapshotVersions,
} from '../../../shared/contracts/rankings';
import type { ExcludedArticle } from '../../../shared/contracts/review';
import { searchParams } from './searchParams';

export type { ExcludedArticle } from '../../../shared/contracts/review';

export type {
  AnnualNotice,
  OwnPlaceResponse,
  RankedSite,
  Ranking,
  RankingFigures,
  RankingGroup,
  RankingResponse,
  RankingRow,
  RankingSnapshotInfo,
  RankingSnapshotVersions,
  RankingTotals,
} from '../../../shared/contracts/rankings';

const RANKINGS = ['governance', 'rankings'];

export type ExportFormat = 'csv' | 'xlsx';
export type ExportSource = 'live' | 'snapshot';

export const RANKINGS_EXPORT_URL = '/governance/rankings/export';

export const rankingExportQuery = (
  year: number,
  format: ExportFormat,
  source: ExportSource,
  version?: number
) => searchParams({ year, format, source, version });

/** The 发布排名 panel of a year: live figures, the snapshot, what changed since, the setting. */
export const useRanking = (year: number | undefined) => {
  const { get } = useFetchClient();
  return useQuery(
    [...RANKINGS, 'panel', year],
    async () =>
      (await get<{ data: RankingResponse }>('/governance/rankings', { params: { year } })).data
        .data,
    // Another year's ranking stays on screen until the chosen year's arrives.
    { keepPreviousData: true }
  );
};

/** The published articles of a site and year that the ranking does not count (trivial, copies). */
export const useExcludedArticles = (year: number, site: string | null) => {
  const { get } = useFetchClient();
  return useQuery(
    [...RANKINGS, 'excluded', year, site],
    async () =>
      (
        await get<{ data: ExcludedArticle[] }>('/governance/rankings/excluded', {
          params: { year, site },
        })
      ).data.data,
    { enabled: site !== null }
  );
};

/** A site member's own places (empty, with `allowed: false`, until the province opens them). */
export const useOwnPlaces = (year: number | undefined) => {
  const { get } = useFetchClient();
  return useQuery(
    [...RANKINGS, 'own', year],
    async () =>
      (await get<{ data: OwnPlaceResponse }>('/governance/rankings/own', { params: { year } })).data
        .data,
    { keepPreviousData: true }
  );
};

export const useAnnualNotice = (year: number | undefined) => {
  const { get } = useFetchClient();
  return useQuery(
    [...RANKINGS, 'notice', year],
    async () =>
      (await get<{ data: AnnualNotice }>('/governance/rankings/notice', { params: { year } })).data
        .data,
    { keepPreviousData: true }
  );
};

/** The frozen versions of a year, newest first (each kept for good). */
export const useSnapshotVersions = (year: number, enabled: boolean) => {
  const { get } = useFetchClient();
  return useQuery(
    [...RANKINGS, 'versions', year],
    async () =>
      (
        await get<{ data: RankingSnapshotVersions }>('/governance/rankings/snapshots', {
          params: { year },
        })
      ).data.data,
    { enabled }
  );
};

/**
 * 冻结排名: the year's figures as they are now become its snapshot; a frozen year gets the next
 * version, with the reason the server requires.
 */
export const useFreezeRanking = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async ({ year, note, reason }: { year: number; note: string | null; reason?: string | null }) =>
      (
        await post<{ data: RankingSnapshotInfo }>('/governance/rankings/snapshots', {
          year,
          note,
          reason: reason ?? null,
        })
      ).data.data,
    {
      onSettled: () => {
        // A notice read before is a draft now outdated: not shown again, even while it reloads.
        client.removeQueries([...RANKINGS, 'notice']);
        return client.invalidateQueries(RANKINGS);
      },
    }
  );
};

/** Whether site members see their own site's place. */
export const useRankingSettings = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async (settings: RankingSettings) =>
      (await put<{ data: RankingSettings }>('/governance/rankings/settings', settings)).data.data,
    { onSettled: () => client.invalidateQueries(RANKINGS) }
  );
};
