import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Mail the system sends (review work, overdue messages, 催办, passwords) comes from the group,
  // not from Strapi's own defaults ("Strapi <no-reply@strapi.io>").
  email: {
    config: {
      provider: 'sendmail',
      settings: {
        defaultFrom: env(
          'EMAIL_FROM',
          `${env('GROUP_NAME', '陕西民政网站群')} <no-reply@localhost>`
        ),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'no-reply@localhost')),
      },
    },
  },
  // The media library: which files it takes is the governance plugin's rule (media/file-safety.ts,
  // by content, with Chinese messages); Strapi's own type lists are left empty on purpose.
  upload: { config: { security: { deniedTypes: [] } } },
  // A local TypeScript plugin: `enabled` is required as well as `resolve`, or Strapi skips it silently.
  governance: {
    enabled: true,
    resolve: './src/plugins/governance',
    config: {
      timezone: env('GROUP_TIMEZONE', 'Asia/Shanghai'),
      groupName: env('GROUP_NAME', '陕西民政网站群'),
      // 初审 (site leader) → 保密审查 (reviewer) → 终审 (approver); county sites skip 初审.
      review: {
        default: ['leader', 'reviewer', 'approver'],
        levels: { county: ['reviewer', 'approver'] },
      },
      // Review work and overdue messages by e-mail too, once an email provider is configured for
      // Strapi's email plugin (GOVERNANCE_REVIEW_EMAILS is this setting's earlier name).
      notifications: {
        email: env.bool('GOVERNANCE_EMAILS', env.bool('GOVERNANCE_REVIEW_EMAILS', false)),
      },
      // Hosts whose images an article body may show besides the media library's own files
      // (comma-separated host names, e.g. "img.example.gov.cn"); none by default.
      // An article with fewer letters and digits than these in its title or body counts in no
      // ranking (it may still be published; the review flags it).
      articles: {
        imageHosts: env.array('ARTICLE_IMAGE_HOSTS', []).filter((host) => host !== ''),
        trivial: {
          minTitleChars: env.int('ARTICLE_MIN_TITLE_CHARS', 5),
          minBodyChars: env.int('ARTICLE_MIN_BODY_CHARS', 50),
        },
        // First publications from this local date on are judged (trivial, copy); earlier ones
        // count as their years were ranked; unset, the day judging first started (docs/rankings.md).
        judgeFrom: env('ARTICLE_JUDGE_FROM', ''),
      },
      // Public message submissions per IP address and hour.
      replies: { rateLimit: { points: env.int('SUBMISSIONS_PER_HOUR', 20), duration: 3600 } },
      // The audit log: its key (never in the database; the boot stops without it), the file its
      // signed checkpoints are appended to, and the cap on failed logins recorded one by one.
      audit: {
        key: env('AUDIT_KEY'),
        checkpoints: {
          file: env('AUDIT_CHECKPOINT_FILE', '.tmp/audit-checkpoints.jsonl'),
          every: env.int('AUDIT_CHECKPOINT_EVERY', 1000),
        },
        failedLogins: {
          perSource: env.int('AUDIT_FAILED_LOGINS_PER_SOURCE', 20),
          windowSeconds: env.int('AUDIT_FAILED_LOGINS_WINDOW_SECONDS', 600),
        },
      },
      // The visit beacon: counts are written every VISITS_FLUSH_SECONDS; hits per IP and minute beyond the budget are not counted.
      visits: {
        flushSeconds: env.int('VISITS_FLUSH_SECONDS', 10),
        perIpPerMinute: env.int('VISITS_PER_IP_PER_MINUTE', 60),
        anomaly: {
          factor: env.float('VISITS_ANOMALY_FACTOR', 5),
          floor: env.int('VISITS_ANOMALY_FLOOR', 1000),
          baselineDays: env.int('VISITS_ANOMALY_BASELINE_DAYS', 90),
          lagDays: env.int('VISITS_ANOMALY_LAG_DAYS', 14),
          rampDays: env.int('VISITS_ANOMALY_RAMP_DAYS', 28),
          rampFactor: env.float('VISITS_ANOMALY_RAMP_FACTOR', 3),
          check: env('VISITS_ANOMALY_CHECK', '17 * * * *'),
        },
      },
    },
  },
});

export default config;
