import type { Core } from '@strapi/strapi';
import type {
  OpenMessageEvidence,
  SiteOversight,
  SiteOversightDetail,
} from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { OPEN_STATUSES } from '../../../shared/contracts/messages';
import { CITIZEN_MESSAGE } from '../uids';
import { holdings } from '../replies/holdings';
import { getService } from '../utils/get-service';
import type { Stamp } from './site-facts';
import { localDays } from '../time/local-day';

/** The evidence behind the message rule: the site's messages still waiting (a 不予受理 until the province confirms it), oldest first. */
const openMessages = async (
  strapi: Core.Strapi,
  timezone: string,
  siteDocumentId: string,
  now: Date
): Promise<OpenMessageEvidence[]> => {
  const rows = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
    // A 不予受理 the province has not confirmed still waits (replies/validity.ts).
    where: {
      $or: [
        { status: { $in: [...OPEN_STATUSES] } },
        { status: 'rejected', invalidation: 'pending' },
      ],
      site: { documentId: siteDocumentId },
    },
    select: ['id', 'documentId', 'subject', 'category', 'status', 'receivedAt', 'dueAt'],
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    limit: 200,
  })) as Array<{
    id: number;
    documentId: string;
    subject: string;
    category: string;
    status: string;
    receivedAt: Stamp;
    dueAt: Stamp;
  }>;
  // Overdue by the holder's own deadline (its open holding's), as the inbox and statistics judge.
  const holderDue = await holdings(strapi).openDue(rows.map((row) => row.id));
  return rows.map((row) => {
    const due = holderDue.get(row.id) ?? (row.dueAt ? new Date(row.dueAt as string) : null);
    return {
      ...row,
      receivedAt: new Date(row.receivedAt as string).toISOString(),
      dueAt: row.dueAt ? new Date(row.dueAt as string).toISOString() : null,
      ageDays: localDays(timezone, row.receivedAt, now),
      overdue: due !== null && due < now,
    };
  });
};

/** A site's standing with the evidence behind it: its waiting messages, alerts and tasks. */
export const withEvidence = async (
  strapi: Core.Strapi,
  config: Pick<GovernanceConfig, 'oversight' | 'timezone'>,
  standing: SiteOversight,
  now: Date
): Promise<SiteOversightDetail> => {
  const siteDocumentId = standing.site.documentId;
  const [messages, alerts, rectifications, urges] = await Promise.all([
    openMessages(strapi, config.timezone, siteDocumentId, now),
    getService(strapi, 'oversightAlerts').list({ site: siteDocumentId, pageSize: 20 }),
    getService(strapi, 'rectifications').list({ site: siteDocumentId }, { all: true }),
    getService(strapi, 'oversightUrges').list(siteDocumentId),
  ]);
  return {
    ...standing,
    warnDays: config.oversight.veto.warnDays,
    openMessages: messages,
    alerts: alerts.data,
    rectifications,
    urges,
  };
};
