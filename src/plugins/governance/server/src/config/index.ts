import { IANAZone } from 'luxon';
import { DEFAULT_CHAIN, validateReviewChains, type ReviewChainConfig } from '../review/chain';

export interface GovernanceConfig {
  /** The group's time zone: years, days and deadlines are counted in it, never in UTC. */
  timezone: string;
  /** Shown in the admin and on printed reports. */
  groupName: string;
  /** The review chain per site level (see review/chain.ts). */
  review: ReviewChainConfig;
  /** Whether review work is also sent by e-mail (needs a provider in Strapi's email plugin). */
  notifications: { email: boolean };
}

export default {
  default: {
    timezone: 'Asia/Shanghai',
    groupName: '陕西民政网站群',
    review: DEFAULT_CHAIN,
    notifications: { email: false },
  } satisfies GovernanceConfig,

  // A wrong value stops the boot here instead of miscounting a year later.
  validator(config: Partial<GovernanceConfig>) {
    if (typeof config.timezone !== 'string' || !IANAZone.isValidZone(config.timezone)) {
      throw new Error(
        `governance.timezone must be an IANA time zone such as "Asia/Shanghai"; got ${JSON.stringify(config.timezone)}.`
      );
    }
    if (typeof config.groupName !== 'string' || config.groupName.trim() === '') {
      throw new Error('governance.groupName must be a non-empty string.');
    }
    validateReviewChains(config.review);
    if (typeof config.notifications?.email !== 'boolean') {
      throw new Error(`governance.notifications.email must be true or false; got ${JSON.stringify(config.notifications?.email)}.`);
    }
  },
};
