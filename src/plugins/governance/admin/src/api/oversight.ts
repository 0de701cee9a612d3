import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  ArticleColumns,
  OversightAlertPage,
  OversightListResponse,
  OversightUrge,
  SiteOversightDetail,
} from '../../../shared/contracts/oversight';
import { searchParams } from './searchParams';

export { SITE_LEVELS } from '../../../shared/contracts/overview';
export {
  COLUMN_KINDS,
  FINDING_RULES,
  isFindingRule,
  PUBLISHING_MIX,
  RECTIFICATION_STATUSES,
  VETO_RULES,
} from '../../../shared/contracts/oversight';
export type { SiteLevel } from '../../../shared/contracts/overview';
export type {
  ColumnKind,
  ColumnState,
  OpenMessageEvidence,
  OversightAlert,
  OversightAlertPage,
  OversightListResponse,
  OversightUrge,
  PublishingMix,
  Rectification,
  RectificationStatus,
  RuleStatus,
  RuleVerdict,
  SiteOversight,
  SiteOversightDetail,
  VetoRule,
} from '../../../shared/contracts/oversight';

const OVERSIGHT = ['governance', 'oversight'];

/** Where the admin shows these: the whole group, one site, the rectification tasks. */
export const OVERSIGHT_PATH = '/plugins/governance/oversight';
export const siteOversightPath = (documentId: string) => `${OVERSIGHT_PATH}/sites/${documentId}`;
export const RECTIFICATIONS_PATH = `${OVERSIGHT_PATH}/rectifications`;

/**
 * The verdicts move by the day and each request recomputes every site: the figures on screen are
 * kept a minute rather than recomputed on every focus of the window.
 */
const FRESH_FOR = 60_000;

/** 站群监测: every open site, the failing first, with the thresholds the verdicts were judged by. */
export const useOversight = () => {
  const { get } = useFetchClient();
  return useQuery(
    [...OVERSIGHT, 'list'],
    async () => (await get<OversightListResponse>('/governance/oversight')).data,
    { staleTime: FRESH_FOR }
  );
};

/** One site with the evidence behind each verdict, its alerts and its rectification tasks. */
export const useSiteOversight = (documentId: string | undefined) => {
  const { get } = useFetchClient();
  return useQuery(
    [...OVERSIGHT, 'site', documentId],
    async () =>
      (await get<{ data: SiteOversightDetail }>(`/governance/oversight/sites/${documentId}`)).data
        .data,
    // A site the user may not see stays refused: asking again would not change that.
    { enabled: Boolean(documentId), retry: false, staleTime: FRESH_FOR }
  );
};

/** 催办: the province urges a site's leaders; the site's page then lists the urge. */
export const useUrgeSite = (documentId: string) => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async (note: string) =>
      (
        await post<{ data: OversightUrge }>(`/governance/oversight/sites/${documentId}/urge`, {
          note: note || null,
        })
      ).data.data,
    { onSettled: () => client.invalidateQueries([...OVERSIGHT, 'site', documentId]) }
  );
};

/** The user's own sites, for the home page's card. */
export const useOwnOversight = () => {
  const { get } = useFetchClient();
  return useQuery(
    [...OVERSIGHT, 'own'],
    async () => (await get<{ data: SiteOversightDetail[] }>('/governance/oversight/own')).data.data,
    { retry: false, staleTime: FRESH_FOR }
  );
};

export interface OversightAlertFilters {
  /** A site's documentId; every site's alerts without it. */
  site?: string;
  page?: number;
  pageSize?: number;
}

/** The alerts the daily job raised, newest first. */
export const useOversightAlerts = (filters: OversightAlertFilters) => {
  const { get } = useFetchClient();
  return useQuery(
    [...OVERSIGHT, 'alerts', filters],
    async () =>
      (
        await get<OversightAlertPage>('/governance/oversight/alerts', {
          params: searchParams({ ...filters }),
        })
      ).data,
    { keepPreviousData: true, staleTime: FRESH_FOR }
  );
};

/**
 * The columns the edit view's 栏目 offers: of the site chosen in the form, else of the article's
 * saved site (or the editor's only site for a new article).
 */
export const useArticleColumns = (query: { site?: string; article?: string }, enabled = true) => {
  const { get } = useFetchClient();
  const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value));
  return useQuery(
    ['governance', 'columns', params],
    async () => (await get<{ data: ArticleColumns }>('/governance/columns', { params })).data.data,
    { retry: false, staleTime: 60_000, enabled }
  );
};
