import { IANAZone } from 'luxon';
import { CATEGORIES, DEFAULT_REPLY_WORKING_DAYS, type ReplyWorkingDays } from '../replies/deadlines';
import { DEFAULT_CHAIN, validateReviewChains, type ReviewChainConfig } from '../review/chain';

export interface RepliesConfig {
  /** Working days to reply per category (a site may set its own). */
  workingDays: ReplyWorkingDays;
  /** A public form submitted sooner than this after it was shown is a robot's. */
  minFillSeconds: number;
  /** Public submissions per IP address: `points` per `duration` seconds. */
  rateLimit: { points: number; duration: number };
}

export interface GovernanceConfig {
  /** The group's time zone: years, days and deadlines are counted in it, never in UTC. */
  timezone: string;
  /** Shown in the admin and on printed reports. */
  groupName: string;
  /** The review chain per site level (see review/chain.ts). */
  review: ReviewChainConfig;
  /** Whether review work is also sent by e-mail (needs a provider in Strapi's email plugin). */
  notifications: { email: boolean };
  /** Citizen messages (see replies/). */
  replies: RepliesConfig;
}

const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

const validateReplies = (replies: Partial<RepliesConfig> | undefined) => {
  const show = JSON.stringify;
  for (const category of CATEGORIES) {
    const days = replies?.workingDays?.[category];
    if (!positiveInteger(days) || (days as number) > 60) {
      throw new Error(`governance.replies.workingDays.${category} must be a whole number of working days from 1 to 60; got ${show(days)}.`);
    }
  }
  if (typeof replies?.minFillSeconds !== 'number' || replies.minFillSeconds < 0) {
    throw new Error(`governance.replies.minFillSeconds must be a number of seconds, 0 or more; got ${show(replies?.minFillSeconds)}.`);
  }
  if (!positiveInteger(replies.rateLimit?.points) || !positiveInteger(replies.rateLimit?.duration)) {
    throw new Error(`governance.replies.rateLimit must be { points, duration } in whole numbers above 0; got ${show(replies.rateLimit)}.`);
  }
};

export default {
  default: {
    timezone: 'Asia/Shanghai',
    groupName: '陕西民政网站群',
    review: DEFAULT_CHAIN,
    notifications: { email: false },
    replies: { workingDays: DEFAULT_REPLY_WORKING_DAYS, minFillSeconds: 3, rateLimit: { points: 20, duration: 3600 } },
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
    validateReplies(config.replies);
    if (typeof config.notifications?.email !== 'boolean') {
      throw new Error(`governance.notifications.email must be true or false; got ${JSON.stringify(config.notifications?.email)}.`);
    }
  },
};
