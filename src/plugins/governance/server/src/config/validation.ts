import { DateTime } from 'luxon';
import { NATIONAL_MAX_WORKING_DAYS } from '../replies/deadlines';
import { CATEGORIES } from '../../../shared/contracts/messages';
import type { ArticlesConfig, GovernanceConfig, RepliesConfig } from './index';

// The checks of the articles, replies and audit settings (config/index.ts): a wrong value stops the boot.

export const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

// A host name as URL parsing gives it: lower case, labels of letters, digits and hyphens.
const HOST =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const validateArticles = (articles: Partial<ArticlesConfig> | undefined) => {
  const hosts = articles?.imageHosts;
  if (
    !Array.isArray(hosts) ||
    !hosts.every((host) => typeof host === 'string' && HOST.test(host))
  ) {
    throw new Error(
      `governance.articles.imageHosts must be a list of lower-case host names such as "img.example.gov.cn" (no scheme, path or wildcard); got ${JSON.stringify(hosts)}.`
    );
  }
  const trivial = articles?.trivial;
  const count = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
  if (!count(trivial?.minTitleChars) || !count(trivial?.minBodyChars)) {
    throw new Error(
      `governance.articles.trivial must be { minTitleChars, minBodyChars } in whole numbers, 0 or more; got ${JSON.stringify(trivial)}.`
    );
  }
  const days = articles?.duplicateWindowDays;
  if (!positiveInteger(days) || (days as number) > 3660) {
    throw new Error(
      `governance.articles.duplicateWindowDays must be a whole number of days from 1 to 3660; got ${JSON.stringify(days)}.`
    );
  }
  const from = articles?.judgeFrom;
  // Empty: the day judging first started, recorded at the first start (review/counting-upgrade.ts).
  if (
    typeof from !== 'string' ||
    (from !== '' &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !DateTime.fromISO(from, { zone: 'utc' }).isValid))
  ) {
    throw new Error(
      `governance.articles.judgeFrom must be a date such as "2015-01-01" (the first day whose publications are judged); got ${JSON.stringify(from)}.`
    );
  }
};

export const validateReplies = (replies: Partial<RepliesConfig> | undefined) => {
  const show = JSON.stringify;
  for (const category of CATEGORIES) {
    // A deployment may be stricter than the national limits, never looser.
    const max = replies?.maxWorkingDays?.[category];
    const national = NATIONAL_MAX_WORKING_DAYS[category];
    if (!positiveInteger(max) || (max as number) > national) {
      throw new Error(
        `governance.replies.maxWorkingDays.${category} must be a whole number of working days from 1 to ${national} (the national limit); got ${show(max)}.`
      );
    }
    const days = replies?.workingDays?.[category];
    if (!positiveInteger(days) || (days as number) > (max as number)) {
      throw new Error(
        `governance.replies.workingDays.${category} must be a whole number of working days from 1 to governance.replies.maxWorkingDays.${category} (${show(max)}); got ${show(days)}.`
      );
    }
  }
  if (typeof replies?.minFillSeconds !== 'number' || replies.minFillSeconds < 0) {
    throw new Error(
      `governance.replies.minFillSeconds must be a number of seconds, 0 or more; got ${show(replies?.minFillSeconds)}.`
    );
  }
  if (
    !positiveInteger(replies.rateLimit?.points) ||
    !positiveInteger(replies.rateLimit?.duration)
  ) {
    throw new Error(
      `governance.replies.rateLimit must be { points, duration } in whole numbers above 0; got ${show(replies.rateLimit)}.`
    );
  }
  const quality = replies.quality;
  if (
    !positiveInteger(quality?.minLength) ||
    !positiveInteger(quality?.minSubstance) ||
    !Array.isArray(quality?.templatePhrases) ||
    !quality.templatePhrases.every((phrase) => typeof phrase === 'string' && phrase.trim() !== '')
  ) {
    throw new Error(
      `governance.replies.quality must be { minLength, minSubstance, templatePhrases: non-empty strings }; got ${show(quality)}.`
    );
  }
  if (
    typeof replies.overdueCheck !== 'string' ||
    replies.overdueCheck.trim().split(/\s+/).length < 5
  ) {
    throw new Error(
      `governance.replies.overdueCheck must be a cron rule such as "0 * * * *"; got ${show(replies.overdueCheck)}.`
    );
  }
};

/** Characters of AUDIT_KEY at least (`npm run setup:env` writes 32). */
const MIN_AUDIT_KEY = 16;

export const validateAudit = (audit: Partial<GovernanceConfig['audit']> | undefined) => {
  const show = JSON.stringify;
  if (typeof audit?.key !== 'string' || audit.key.length < MIN_AUDIT_KEY) {
    throw new Error(
      `AUDIT_KEY is not set (or shorter than ${MIN_AUDIT_KEY} characters): run \`npm run setup:env\` (it adds a fresh one to the git-ignored .env) or set it in the environment. ` +
        'It keys the audit log: keep it outside the database and never change it, or every entry stops verifying.'
    );
  }
  const checkpoints = audit.checkpoints;
  if (
    typeof checkpoints?.file !== 'string' ||
    checkpoints.file.trim() === '' ||
    !positiveInteger(checkpoints.every)
  ) {
    throw new Error(
      `governance.audit.checkpoints needs a file (AUDIT_CHECKPOINT_FILE) and every: a whole number of entries above 0; got ${show(checkpoints)}.`
    );
  }
  if (typeof checkpoints.rule !== 'string' || checkpoints.rule.trim().split(/\s+/).length < 5) {
    throw new Error(
      `governance.audit.checkpoints.rule must be a cron rule such as "*/10 * * * *"; got ${show(checkpoints.rule)}.`
    );
  }
  if (
    !positiveInteger(audit.failedLogins?.perSource) ||
    !positiveInteger(audit.failedLogins?.windowSeconds)
  ) {
    throw new Error(
      `governance.audit.failedLogins must be { perSource, windowSeconds } in whole numbers above 0; got ${show(audit.failedLogins)}.`
    );
  }
};
