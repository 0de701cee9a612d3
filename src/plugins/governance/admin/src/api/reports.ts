import { searchParams } from './searchParams';

/** The statistics pages' Excel exports (`/governance/reports/...`), one per page. */
export const REPORT_URLS = {
  overview: '/governance/reports/overview',
  messageStatistics: '/governance/reports/message-statistics',
  oversight: '/governance/reports/oversight',
  sites: '/governance/reports/sites',
  accounts: '/governance/reports/accounts',
  annualNotice: '/governance/reports/annual-notice',
  inspectionNotice: '/governance/reports/inspection-notice',
} as const;

/** The 版头 and 落款 of a notice as a Word document, as the form on the notice's page has them. */
export interface DocumentHeading {
  issuer: string;
  docNumber: string;
  addressee: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
}

export const headingQuery = (heading: DocumentHeading, period: Record<string, string | number>) =>
  searchParams({ ...period, ...heading });
