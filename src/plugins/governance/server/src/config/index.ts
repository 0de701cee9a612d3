import { IANAZone } from 'luxon';
import { FILE_KINDS, type FileKind } from '../media/file-kinds';
import {
  DEFAULT_REPLY_WORKING_DAYS,
  NATIONAL_MAX_WORKING_DAYS,
  type ReplyWorkingDays,
} from '../replies/deadlines';
import { resolvePolicy, type PasswordPolicy } from '../passwords/policy';
import { DEFAULT_REPLY_QUALITY, type ReplyQualityRules } from '../replies/quality';
import { DEFAULT_CHAIN, validateReviewChains, type ReviewChainConfig } from '../review/chain';
import type { NoticeThresholds } from '../oversight/inspection-notice';
import { validateAnomalySettings, type AnomalySettings } from '../rankings/visit-judgement';
import type { VetoThresholds } from '../../../shared/contracts/oversight';
import type { ReportCategory } from '../../../shared/contracts/columns';
import type { ColumnKind, PublishingMix } from '../../../shared/contracts/oversight';
import { positiveInteger, validateArticles, validateAudit, validateReplies } from './validation';

export interface RepliesConfig {
  /** Working days to reply per category (a site may set its own). */
  workingDays: ReplyWorkingDays;
  /**
   * The most working days a site's own reply days (`replyWorkingDays`) may give, per category:
   * the national limits (consultation 5, others 15). The group's `workingDays` stay within them too.
   */
  maxWorkingDays: ReplyWorkingDays;
  /** A public form submitted sooner than this after it was shown is a robot's. */
  minFillSeconds: number;
  /** Public submissions per IP address: `points` per `duration` seconds. */
  rateLimit: { points: number; duration: number };
  /** What makes a reply look substandard before it is sent (see replies/quality.ts). */
  quality: ReplyQualityRules;
  /** When to look for messages that became overdue and tell their sites' leaders (cron rule). */
  overdueCheck: string;
}

export interface ArticlesConfig {
  /**
   * Hosts whose images an article body may show besides the media library's own files, e.g. a
   * provincial image server (`img.shaanxi.gov.cn`); exact host names, no wildcards.
   */
  imageHosts: string[];
  /**
   * What makes an article too slight to count in the ranking (see review/counting.ts): fewer
   * letters and digits than these in its title or in its body's plain text. It may still be
   * published; the review shows the flag and the ranking lists it as not counted.
   */
  trivial: { minTitleChars: number; minBodyChars: number };
  /** How far back (days before its first publication) an article is compared with the group's for copies. */
  duplicateWindowDays: number;
  /**
   * The local date (YYYY-MM-DD, group's zone) from which first publications are judged: articles
   * first published before it count as they were counted then (their years' rankings may be
   * published already); they are hashed, so later articles are still compared with them.
   * Empty: the day this CMS first judged, recorded at its first start.
   */
  judgeFrom: string;
}

export interface GovernanceConfig {
  /** The group's time zone: years, days and deadlines are counted in it, never in UTC. */
  timezone: string;
  /** Shown in the admin and on printed reports. */
  groupName: string;
  /** The review chain per site level (see review/chain.ts). */
  review: ReviewChainConfig;
  /** What an article may contain (see articles/body.ts). */
  articles: ArticlesConfig;
  /** Whether review work and overdue messages are also sent by e-mail (needs a provider in Strapi's email plugin). */
  notifications: { email: boolean };
  /** Citizen messages (see replies/). */
  replies: RepliesConfig;
  /** The admin accounts' password policy: a profile and any values of its own (see passwords/policy.ts). */
  passwords: Partial<PasswordPolicy> & { profile: PasswordPolicy['profile'] };
  /** The audit trail (see audit/service.ts). */
  audit: {
    /** Entries are kept this many days, at least 180 (网络安全法 第二十一条). */
    retentionDays: number;
    /** The secret the chain's hashes and the checkpoints' signatures are keyed with (AUDIT_KEY): never in the database, never changed. */
    key: string;
    /** The signed checkpoints: the file they are appended to (from the app's root), after how many entries, and when else (cron rule). */
    checkpoints: { file: string; every: number; rule: string };
    /** Failed logins recorded one by one per source address and window; the rest are counted in one summary entry. */
    failedLogins: { perSource: number; windowSeconds: number };
  };
  /** The media library (media/): the most a file of each kind may weigh, in MB. */
  media: { sizeLimitsMb: Record<FileKind, number> };
  /** The visit beacon: how often counts are written, and how many hits per IP and minute count. */
  visits: {
    flushSeconds: number;
    perIpPerMinute: number;
    /**
     * How closed days are judged against the site's own baseline (rankings/visit-judgement.ts):
     * a flagged day is counted at its threshold; `check` is when closed days are judged.
     */
    anomaly: AnomalySettings & { check: string };
  };
  /** 内容巡检 (inspection/): its checking threads, and how its link check (链接可用性) asks other servers. */
  inspection: {
    /** Threads checking a run's texts; unset: one per core beyond the main thread's, up to 4. */
    checkThreads?: number;
    links: {
      /** Time allowed for one request's answer, in ms. */
      timeoutMs: number;
      /** Requests in flight to one host at most, and ms between their starts. */
      perHost: number;
      politenessMs: number;
      /** Hosts asked at once. */
      hosts: number;
      /** Days after which an address that opened (or is broken) is asked again. */
      recheckDays: number;
    };
  };
  /** 站群监测: the national veto rules' thresholds and the columns' update rules (see oversight/). */
  oversight: {
    /** Days a column of each kind may go without an update (a column may set its own). */
    staleAfterDays: Record<Exclude<ColumnKind, 'static'>, number>;
    veto: VetoThresholds;
    /** The kind of a column by its name, for setting up a site's columns. */
    columnKinds: Record<string, ColumnKind>;
    /** Where a column's articles count in the annual report form, by its name, where not by its kind. */
    columnReportCategories: Record<string, ReportCategory>;
    /** Which columns' articles count as work news, analysis or disclosure in the publishing mix. */
    mix: Record<Exclude<PublishingMix, 'other'>, string[]>;
    /** When the daily job judges every site and alerts on rules that got worse (cron rule, group's zone). */
    alertCheck: string;
    /** What the inspection notice (通报) praises and names (see oversight/inspection-notice.ts). */
    notice: NoticeThresholds;
  };
}

export default {
  default: {
    timezone: 'Asia/Shanghai',
    groupName: '陕西民政网站群',
    review: DEFAULT_CHAIN,
    articles: {
      imageHosts: [],
      // A title of 5 characters (关于…的通知 has more) and a body of 50: a line of real news.
      trivial: { minTitleChars: 5, minBodyChars: 50 },
      duplicateWindowDays: 365,
      // None: the day judging first started, kept from the first start (the demo records 2015-01-01).
      judgeFrom: '',
    },
    notifications: { email: false },
    replies: {
      workingDays: DEFAULT_REPLY_WORKING_DAYS,
      maxWorkingDays: NATIONAL_MAX_WORKING_DAYS,
      minFillSeconds: 3,
      rateLimit: { points: 20, duration: 3600 },
      quality: DEFAULT_REPLY_QUALITY,
      // Hourly, at minute 5: a message is reported within the hour it became overdue.
      overdueCheck: '5 * * * *',
    },
    passwords: { profile: 'dengbao3' },
    audit: {
      retentionDays: 180,
      // No default: config/plugins.ts reads AUDIT_KEY, and the boot stops without it.
      key: '',
      // Outside public/ and git-ignored, beside the SQLite database; better on another disk or host.
      checkpoints: { file: '.tmp/audit-checkpoints.jsonl', every: 1000, rule: '*/10 * * * *' },
      failedLogins: { perSource: 20, windowSeconds: 600 },
    },
    // A scanned PDF original of a long policy runs to tens of MB; a photo from a camera to several.
    media: { sizeLimitsMb: { image: 10, pdf: 50, ofd: 50, office: 50, text: 5 } },
    visits: {
      flushSeconds: 10,
      perIpPerMinute: 60,
      // Hourly at minute 17: a day is judged within the hour after it ends (late flushes too).
      anomaly: {
        factor: 5,
        floor: 1000,
        // The median of the 90 days before the two weeks preceding the day: a slow ramp cannot lift it.
        baselineDays: 90,
        lagDays: 14,
        // Four weeks' mean above 2 × that baseline (halfway to 3 ×): a sustained rise (持续异常增长),
        // its days above 3 × flagged.
        rampDays: 28,
        rampFactor: 3,
        check: '17 * * * *',
      },
    },
    // A polite crawler: two requests at a time to one server, a second apart; a week between
    // checks of what opens.
    inspection: {
      links: { timeoutMs: 15_000, perHost: 2, politenessMs: 1_000, hosts: 8, recheckDays: 7 },
    },
    oversight: {
      // 国办秘函〔2019〕19号: news columns 2 weeks, notices and policies 6 months (183 days).
      staleAfterDays: { news: 14, notice: 183, policy: 183 },
      veto: {
        homePageDays: 14,
        staleColumns: 5,
        longIdleDays: 365,
        longIdleColumns: 10,
        emptyColumns: 5,
        warnDays: 7,
      },
      columnKinds: {
        工作动态: 'news',
        基层动态: 'news',
        单位动态: 'news',
        媒体聚焦: 'news',
        党建工作: 'news',
        专题专栏: 'news',
        通知公告: 'notice',
        政策法规: 'policy',
        政策文件: 'policy',
        信息公开: 'policy',
        政策解读: 'policy',
        办事指南: 'static',
        机构概况: 'static',
      },
      // 办事指南 is 办事服务, not 概况类信息 as a static column's articles would count.
      columnReportCategories: { 办事指南: 'none' },
      mix: {
        workNews: ['工作动态', '基层动态', '单位动态', '媒体聚焦', '党建工作'],
        analysis: ['政策解读', '调研文章', '理论研究', '专题专栏'],
        disclosure: ['信息公开', '通知公告', '政策文件', '政策法规'],
      },
      // 09:00 in the group's time zone: alerts arrive at the start of the working day.
      alertCheck: '0 9 * * *',
      notice: {
        topPerLevel: 3,
        minMessages: 5,
        lowOnTimeRate: 0.8,
        minArticlesForMix: 20,
        lowAnalysisShare: 0.05,
        rectificationDays: 30,
        maxListed: 10,
      },
    },
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
    validateArticles(config.articles);
    validateReplies(config.replies);
    resolvePolicy(config.passwords ?? {});
    if (
      !Number.isInteger(config.audit?.retentionDays) ||
      (config.audit?.retentionDays ?? 0) < 180
    ) {
      throw new Error(
        `governance.audit.retentionDays must be a whole number of days, 180 or more (网络安全法 21); got ${JSON.stringify(config.audit?.retentionDays)}.`
      );
    }
    validateAudit(config.audit);
    if (
      !positiveInteger(config.visits?.flushSeconds) ||
      !positiveInteger(config.visits?.perIpPerMinute)
    ) {
      throw new Error(
        `governance.visits must be { flushSeconds, perIpPerMinute } in whole numbers above 0; got ${JSON.stringify(config.visits)}.`
      );
    }
    validateAnomalySettings(config.visits?.anomaly);
    const threads = config.inspection?.checkThreads;
    if (threads !== undefined && !(positiveInteger(threads) && threads <= 16)) {
      throw new Error(
        `governance.inspection.checkThreads is the number of threads checking a run's texts, 1 to 16; got ${JSON.stringify(threads)}.`
      );
    }
    const links = config.inspection?.links;
    if (
      !links ||
      ![links.timeoutMs, links.perHost, links.hosts, links.recheckDays].every(positiveInteger) ||
      !Number.isInteger(links.politenessMs) ||
      links.politenessMs < 0
    ) {
      throw new Error(
        `governance.inspection.links needs whole numbers above 0 in timeoutMs, perHost, hosts, recheckDays and 0 or more in politenessMs; got ${JSON.stringify(links)}.`
      );
    }
    const limits = config.media?.sizeLimitsMb;
    if (
      !limits ||
      !FILE_KINDS.every(
        (kind) => typeof limits[kind] === 'number' && limits[kind] > 0 && limits[kind] <= 1024
      )
    ) {
      throw new Error(
        `governance.media.sizeLimitsMb must give each of ${FILE_KINDS.join(', ')} a size in MB above 0 and at most 1024; got ${JSON.stringify(limits)}.`
      );
    }
    const oversight = config.oversight;
    const numbers = [
      ...Object.values(oversight?.staleAfterDays ?? {}),
      ...Object.values(oversight?.veto ?? {}),
    ];
    if (
      !oversight?.staleAfterDays ||
      !oversight.veto ||
      numbers.length < 9 ||
      !numbers.every(positiveInteger)
    ) {
      throw new Error(
        `governance.oversight needs whole numbers above 0 in staleAfterDays { news, notice, policy } and veto; got ${JSON.stringify(oversight)}.`
      );
    }
    if (
      typeof oversight.alertCheck !== 'string' ||
      oversight.alertCheck.trim().split(/\s+/).length < 5
    ) {
      throw new Error(
        `governance.oversight.alertCheck must be a cron rule such as "0 9 * * *"; got ${JSON.stringify(oversight.alertCheck)}.`
      );
    }
    const notice = oversight.notice;
    const rates = [notice?.lowOnTimeRate, notice?.lowAnalysisShare];
    if (
      ![
        notice?.topPerLevel,
        notice?.minMessages,
        notice?.minArticlesForMix,
        notice?.rectificationDays,
        notice?.maxListed,
      ].every(positiveInteger) ||
      !rates.every((rate) => typeof rate === 'number' && rate >= 0 && rate <= 1)
    ) {
      throw new Error(
        `governance.oversight.notice needs whole numbers above 0 in topPerLevel, minMessages, minArticlesForMix, rectificationDays, maxListed and rates from 0 to 1 in lowOnTimeRate, lowAnalysisShare; got ${JSON.stringify(notice)}.`
      );
    }
    if (typeof config.notifications?.email !== 'boolean') {
      throw new Error(
        `governance.notifications.email must be true or false; got ${JSON.stringify(config.notifications?.email)}.`
      );
    }
  },
};
