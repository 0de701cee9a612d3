/**
 * 账号安全 (GET /governance/accounts): shared by the server's accounts service
 * (server/src/passwords) and the admin page.
 */
import type { RecordedMustChange } from './passwords';
import type { Capacity } from './sites';

export const ACCOUNT_FILTERS = [
  'all',
  'expired',
  'dueSoon',
  'locked',
  'inactive',
  'noHolder',
] as const;
export type AccountFilter = (typeof ACCOUNT_FILTERS)[number];

/** One admin account as the 账号安全 page lists it. */
export interface Account {
  id: number;
  name: string;
  email: string;
  isActive: boolean;
  /** Role names. */
  roles: string[];
  sites: Array<{ code: string; name: string; capacity: Capacity }>;
  /** The named person responsible for the account. */
  holderName: string | null;
  changedAt: string | null;
  passwordAgeDays: number | null;
  expiresAt: string | null;
  /** 0 on the last day, negative once expired; null when passwords do not expire. */
  daysLeft: number | null;
  mustChange: RecordedMustChange | null;
  lockedUntil: string | null;
  failedLogins: number;
  lastLoginAt: string | null;
}

/** GET /governance/accounts?filter=&q= */
export interface AccountPage {
  data: Account[];
  meta: {
    /** Every filter's count within the search, for the tabs' labels. */
    counts: Record<AccountFilter, number>;
    /** Days without a login after which an account counts as inactive (长期未登录). */
    idleDays: number;
  };
}
