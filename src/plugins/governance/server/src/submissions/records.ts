import type { Core } from '@strapi/strapi';
import type { Capacity } from '../../../shared/contracts/sites';
import { DateTime } from 'luxon';
import type {
  Submission,
  SubmissionEvent,
  SubmissionSite,
  SubmissionStatus,
} from '../../../shared/contracts/submissions';
import type { GovernanceConfig } from '../config';
import { memberSiteDocumentIds } from '../sites/scope';
import type { SiteRow } from '../sites/site-rows';
import type { AdminUser } from '../utils/document-middleware';
import { SITE } from '../uids';

/**
 * Who acts for a site in 信息报送: its editors. Not its leader, who takes the first review step
 * of what the site adopts and so must not be its author.
 */
const WORKING_CAPACITIES: Capacity[] = ['editor'];

/** A site as 信息报送 reads it: with its parent, a county's city (where it may submit). */
export type SiteWithParent = Pick<
  SiteRow,
  'id' | 'documentId' | 'code' | 'name' | 'level' | 'active'
> & {
  parent: { documentId: string } | null;
};

export interface SubmissionRow {
  id: number;
  sourceArticleDocumentId: string;
  sourceSiteDocumentId: string;
  targetSiteDocumentId: string;
  title: string;
  summary: string | null;
  note: string | null;
  status: SubmissionStatus;
  submittedAt: string;
  submittedById: number | null;
  submittedByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  declineReason: string | null;
  adoptedArticleDocumentId: string | null;
  /** Null until first checked (rows older than the rule; see follow.ts). */
  sourcePublished: boolean | null;
  copyPublished: boolean | null;
  events: SubmissionEvent[] | null;
}

/** What both sides of 信息报送 read: the group's sites, and where a user works. */
export const submissionRecords = (strapi: Core.Strapi) => {
  const timezone = () => (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;

  const sites = async (): Promise<Map<string, SiteWithParent>> => {
    const rows = (await strapi.db.query(SITE).findMany({
      select: ['id', 'documentId', 'code', 'name', 'level', 'active'],
      populate: { parent: { select: ['documentId'] } },
    })) as SiteWithParent[];
    return new Map(rows.map((site) => [site.documentId, site]));
  };

  const publicSite = (site: SiteWithParent | undefined): SubmissionSite | null =>
    site
      ? { documentId: site.documentId, code: site.code, name: site.name, level: site.level }
      : null;

  /** The ids of the sites where the user holds one of `capacities`. */
  const sitesWorkedFor = (user: AdminUser, capacities: Capacity[] = WORKING_CAPACITIES) =>
    memberSiteDocumentIds(strapi, user.id, capacities);

  const localDays = (from: string | Date, to: Date) =>
    Math.max(
      0,
      Math.floor(
        DateTime.fromJSDate(to, { zone: timezone() })
          .startOf('day')
          .diff(DateTime.fromJSDate(new Date(from), { zone: timezone() }).startOf('day'), 'days')
          .days
      )
    );

  const shape = (
    row: SubmissionRow,
    all: Map<string, SiteWithParent>,
    existing: Set<string>,
    now = new Date()
  ): Submission => ({
    id: row.id,
    status: row.status,
    title: row.title,
    summary: row.summary ?? null,
    note: row.note ?? null,
    sourceArticleDocumentId: row.sourceArticleDocumentId,
    sourceExists: existing.has(row.sourceArticleDocumentId),
    sourceSite: publicSite(all.get(row.sourceSiteDocumentId)),
    targetSite: publicSite(all.get(row.targetSiteDocumentId)),
    submittedAt: new Date(row.submittedAt).toISOString(),
    submittedByName: row.submittedByName ?? '',
    waitingDays: localDays(row.submittedAt, row.decidedAt ? new Date(row.decidedAt) : now),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    decidedByName: row.decidedByName ?? null,
    declineReason: row.declineReason ?? null,
    adoptedArticleDocumentId: row.adoptedArticleDocumentId ?? null,
    counted: row.status !== 'withdrawn' && row.sourcePublished === true,
    adoptionCounted:
      row.status === 'adopted' && row.sourcePublished === true && row.copyPublished === true,
    events: Array.isArray(row.events) ? row.events : [],
  });

  return { timezone, sites, publicSite, sitesWorkedFor, shape };
};
