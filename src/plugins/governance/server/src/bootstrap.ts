import type { Core } from '@strapi/strapi';
import type { GovernanceConfig } from './config';
import { AUDIT_CHECKPOINT_JOB } from './audit/service';
import { KEPT_FIGURES_CHECK_JOB, keptFiguresProgress } from './figures/kept';
import { INSPECTION_JOB } from './inspection/service';
import { runWithLease } from './jobs/lease';
import { actionDefinitions } from './permissions';
import { guardUploads } from './media/upload-guard';
import { forgetDeletedAccounts } from './passwords/account-removal';
import { joinStoredChineseNames, keepChineseNamesWhole } from './passwords/full-names';
import { registerAuthHooks } from './passwords/auth-hooks';
import { enforcePasswordPolicy } from './passwords/enforcement';
import { OVERSIGHT_JOB } from './oversight/alerts';
import { PASSWORD_JOB } from './passwords/jobs';
import { VISIT_ANOMALY_JOB } from './rankings/visit-anomalies';
import { caseNumbers } from './replies/case-number';
import { holdingReceipts } from './replies/holdings';
import { COUNTING_BACKFILL_JOB } from './review/counting-backfill';
import { adoptEarlierVerdictsOnce, settleJudgeFrom } from './review/counting-upgrade';
import { OVERDUE_JOB } from './replies/overdue';
import { ownSiteCondition } from './sites/condition';
import { getService } from './utils/get-service';
import { yieldBeforeEachStatement } from './utils/yield';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // SQLite: no request holds the main thread for all its statements at once (utils/yield.ts).
  yieldBeforeEachStatement(strapi);
  const permissions = strapi.service('admin::permission');
  await permissions.actionProvider.registerMany(actionDefinitions);
  await permissions.conditionProvider.register(ownSiteCondition(strapi));
  // Every article and message row holds its site's id (sites/site-key.ts), which the own-site
  // condition reads: kept on every write from here on, and given now to rows without one.
  const siteKeys = getService(strapi, 'siteKeys');
  siteKeys.keep();
  const keyed = await siteKeys.fillMissing();
  if (keyed > 0)
    strapi.log.info(`governance: ${keyed} article and message rows given their site key`);
  // Every message holding carries its message's receipt (replies/holdings.ts), which the
  // statistics of a period read: kept from here on, and given now to holdings without it.
  const receipts = holdingReceipts(strapi);
  receipts.keep();
  const received = await receipts.fill();
  if (received > 0)
    strapi.log.info(`governance: ${received} message holdings given their message's receipt`);

  // Every file judged by its content before the media library stores it (media/upload-guard.ts),
  // and every site's files in a folder of its own (media/site-folders.ts).
  guardUploads(strapi);
  const folders = getService(strapi, 'siteFolders');
  folders.subscribe();
  await folders.ensureAll();
  // Which published article uses which file (media/published-files.ts), once after an upgrade.
  await getService(strapi, 'publishedFiles').buildIfNeeded();

  await getService(strapi, 'audit').ensureHead();
  // Account security on every way in: login, password changes, every admin route.
  const { check } = registerAuthHooks(strapi);
  enforcePasswordPolicy(strapi, check);
  await forgetDeletedAccounts(strapi);
  // 姓名 as one field (王建国): every write from now on, and the accounts stored before.
  keepChineseNamesWhole(strapi);
  const joined = await joinStoredChineseNames(strapi);
  if (joined > 0)
    strapi.log.info(`governance: ${joined} accounts' Chinese names kept whole in 姓名 (王建国)`);

  getService(strapi, 'visits').start();
  getService(strapi, 'loginFailures').start();

  const voided = await getService(strapi, 'review').voidStaleRoundsOnce();
  if (voided > 0)
    strapi.log.info(
      `governance: ${voided} review rounds restarted: their drafts no longer match what was submitted`
    );

  // 报送 and 采用 recorded before they followed their articles: their flags, from the articles now.
  const followed = await getService(strapi, 'submissions').followAllOnce();
  if (followed > 0)
    strapi.log.info(
      `governance: ${followed} submission flags set from their articles' publication`
    );

  // Counting: the first judged day (kept from the first start unless configured), and the
  // verdicts kept before the backfill knew them, marked done once.
  await settleJudgeFrom(strapi);
  const adopted = await adoptEarlierVerdictsOnce(strapi);
  if (adopted > 0)
    strapi.log.info(
      `governance: ${adopted} article rows' earlier counting verdicts kept as judged`
    );

  // The working-day calendar deadlines are counted on, before any request counts one.
  await getService(strapi, 'calendar').start();

  // Every message has its case number: new ones as they are created, older or imported ones now.
  const numbers = caseNumbers(strapi);
  numbers.subscribe();
  await numbers.numberAll();

  // The kept figures the pages read (figures/): messages kept on every write from now on, and
  // everything built from the archive once (an upgrade, the demo loader) or after the group's
  // time zone changed, before the server answers.
  getService(strapi, 'messageFigures').subscribe();
  getService(strapi, 'documentFigures').subscribe();
  getService(strapi, 'figureReadings').subscribe();
  const built = await getService(strapi, 'keptFigures').buildIfNeeded(keptFiguresProgress(strapi));
  if (built)
    strapi.log.info(
      `governance: kept figures built from the archive (${built.articles} articles, ${built.messages} messages, ${built.cells} cells)`
    );

  // Every instance schedules the jobs; each run takes its lease first (jobs/lease.ts).
  const { replies, oversight, audit, visits, timezone } = strapi.config.get(
    'plugin::governance'
  ) as GovernanceConfig;
  strapi.cron.add({
    [OVERDUE_JOB]: {
      task: () => getService(strapi, 'overdueMessages').runJob(),
      options: { rule: replies.overdueCheck },
    },
    // 09:30 in the group's time zone: reminders arrive at the start of the working day.
    [PASSWORD_JOB]: {
      task: () => getService(strapi, 'passwordJobs').runDaily(),
      options: { rule: '30 9 * * *', tz: timezone },
    },
    [OVERSIGHT_JOB]: {
      task: () => getService(strapi, 'oversightAlerts').runDaily(),
      options: { rule: oversight.alertCheck, tz: timezone },
    },
    // Closed days' visit counts judged against each site's own pattern (rankings/visit-anomalies.ts).
    [VISIT_ANOMALY_JOB]: {
      task: () => getService(strapi, 'visitAnomalies').runJob(),
      options: { rule: visits.anomaly.check, tz: timezone },
    },
    // Articles no publication judged (imported by SQL, restored): judged at night, in batches.
    [COUNTING_BACKFILL_JOB]: {
      task: () => getService(strapi, 'countingBackfill').runJob(),
      options: { rule: '40 2 * * *', tz: timezone },
    },
    // 内容巡检: what is online checked again by the lists as they are (inspection/service.ts).
    [INSPECTION_JOB]: {
      task: () => getService(strapi, 'contentInspection').runJob({ trigger: 'schedule' }),
      options: { rule: '10 1 * * *', tz: timezone },
    },
    // Kept figures against a recount from the archive (figures/kept.ts): differences are logged.
    [KEPT_FIGURES_CHECK_JOB]: {
      task: () => getService(strapi, 'keptFigures').runCheck(),
      options: { rule: '20 3 * * *', tz: timezone },
    },
    // The audit trail's retention, at night.
    'governance-audit-purge': {
      task: () =>
        runWithLease(
          strapi,
          'governance-audit-purge',
          60 * 60 * 1000,
          async () => `removed ${await getService(strapi, 'audit').purge()} entries`
        ),
      options: { rule: '0 3 * * *', tz: timezone },
    },
    // The audit log's head, signed into the checkpoint file outside the database.
    [AUDIT_CHECKPOINT_JOB]: {
      task: () =>
        runWithLease(strapi, AUDIT_CHECKPOINT_JOB, 60 * 1000, async () => {
          const point = await getService(strapi, 'audit').checkpoint();
          return point ? `signed entry ${point.seq}` : 'no new entries';
        }),
      options: { rule: audit.checkpoints.rule, tz: timezone },
    },
  });
};

export default bootstrap;
