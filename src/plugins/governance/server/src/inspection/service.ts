import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createHash } from 'crypto';
import type { WordHit } from '../../../shared/contracts/review';
import { leaseHeld, runWithLease, type LeaseRun } from '../jobs/lease';
import { reviewedPopulate, type ComponentSchemas } from '../review/content-hash';
import { reviewedTexts } from '../review/sensitive-words';
import { linkHits } from '../review/link-hosts';
import {
  attachmentsOf,
  linkedFilesOf,
  scanAttachments,
  type ScannedAttachment,
} from '../review/attachment-scan';
import type { GovernanceConfig } from '../config';
import type { SiteScope } from '../sites/scope';
import { ARTICLE, INSPECTED_ARTICLE, INSPECTION_FINDING, INSPECTION_RUN, SITE } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import { personName } from '../utils/person-name';
import { getService } from '../utils/get-service';
import { orderedId } from '../utils/ordered-id';
import { insertRows } from '../utils/insert-rows';
import { startChecker, type Checker } from './checker';
import { ERRORS, fieldName } from './messages';
import { forbidden } from '../utils/forbidden';
import { ruleOf, VETO_KINDS } from './reads';
import { linkAvailability } from './links';

export const INSPECTION_JOB = 'governance-content-inspection';
/**
 * What the inspection checks besides the lists, as part of the version an article was checked
 * against: raised when it checks more (`links`: what an article links to, 链接可用性), so that
 * every article is read again once rather than only those edited since.
 */
const CHECKS = 'links';
const checkedVersion = (listVersion: string) => `${listVersion}; ${CHECKS}`;
/**
 * Published articles read per batch: one query, their check in the checking thread, then their
 * writes in one transaction. Each batch costs a commit and a few statements whatever its size;
 * 500 keeps every statement short (bench/inspection.js: the longest hold of the event loop).
 */
export const INSPECTION_BATCH = 500;
/** The lease: renewed every third while the run lasts, so another instance waits. */
const HOLD_MS = 5 * 60 * 1000;

interface ArticleRow {
  id: number;
  documentId: string;
  title: string | null;
  siteKey: number | null;
  attachments?: unknown;
  [field: string]: unknown;
}

/** A serious fault found for the first time in this run: alerted once the batch is recorded. */
interface NewFinding {
  id: number;
  row: ArticleRow;
  hit: WordHit;
}

/** The alert's sentence; a personal number is not repeated in an e-mail, only what it is. */
const detailOf = ({ row, hit }: NewFinding) => {
  const where = `《${row.title ?? ''}》${fieldName(hit.field, hit.file ?? null)}`;
  if (hit.kind === 'personalData') return `${where}：${hit.word}未脱敏`;
  const found = hit.found ?? hit.word;
  return `${where}：“${found}”${hit.suggestion ? `（应为：${hit.suggestion}）` : '（禁用词）'}`;
};

interface FindingRow {
  id: number;
  fingerprint: string;
  state: 'open' | 'dismissed' | 'gone';
}

export interface InspectionProgress {
  /** Published articles read so far in this run, and how many of them were checked again. */
  read: number;
  checked: number;
  found: number;
  /** Addresses the link check (链接可用性) checked so far, and of them how many are broken. */
  linksChecked: number;
  linksBroken: number;
}

export interface InspectionOptions {
  /** One site only (on demand); all sites when absent. */
  siteId?: number;
  trigger?: 'schedule' | 'manual';
  requestedByName?: string;
  signal?: AbortSignal;
  onProgress?: (progress: InspectionProgress) => void;
  /** Rows read per query (tests use small batches to stop between them). */
  batchSize?: number;
  /** The run's clock: when its findings and link checks happened (tests move it a day on). */
  now?: Date;
}

/** A run as `governance_inspection_runs` keeps it. */
interface RunRow {
  id: number;
  cursor: number;
  linkCursor: number;
  read: number;
  checked: number;
  found: number;
  linksChecked: number;
  linksBroken: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What identifies a finding across runs: the same fault in the same words of the same article. */
const fingerprintOf = (documentId: string, hit: WordHit) =>
  sha256(
    JSON.stringify([
      documentId,
      hit.kind ?? 'word',
      hit.word,
      hit.file ?? hit.field,
      hit.found ?? hit.word,
      hit.context,
    ])
  );

/**
 * 内容巡检: every published article and its attachments checked again by the text check
 * (review/text-checker.ts: forbidden words, serious wording errors, personal data) and its body's
 * links to hosts outside the group by the 外链名单 (review/link-hosts.ts), as the lists
 * stand now; then whether the links and images of what is online open (链接可用性, links.ts). Incremental: an article whose text and the lists are as they were at its last check
 * is only read. A run walks the published rows by id in batches, keeps its place in
 * `governance_inspection_runs` (a stopped run goes on from there), and checks in a thread of
 * its own. Findings are kept per article with the lists' version that found them; a finding
 * dismissed as a false positive (误报) stays dismissed for the same text.
 */
const inspectionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const components: ComponentSchemas = (uid) => strapi.getModel(uid as UID.Component);
  const articles = () => strapi.db.query(ARTICLE);
  const states = () => strapi.db.query(INSPECTED_ARTICLE);
  const findings = () => strapi.db.query(INSPECTION_FINDING);
  const runs = () => strapi.db.query(INSPECTION_RUN);
  const linkCheck = linkAvailability(strapi);

  /**
   * The texts a reader of the published article sees, and a digest of them and of its files: those
   * attached and those its body links to (`linked`).
   */
  const textsOf = (row: ArticleRow, linked: ScannedAttachment[]) => {
    const fields = reviewedTexts(strapi.getModel(ARTICLE), row, components);
    const files = [...attachmentsOf(row), ...linked];
    const digest = sha256(
      JSON.stringify([
        fields,
        files.map(({ name, file }) => [name, file.id, file.sha256 ?? file.updatedAt ?? null]),
      ])
    );
    return { fields, files, digest };
  };

  /**
   * Replaces the open findings of a batch's articles by what was found in them (`hitsOf`);
   * dismissed ones stay dismissed. A few queries per batch: the findings known, the new ones
   * created together, those no longer found marked gone together; only a finding found again
   * is updated on its own (rare: an article that has findings and was checked again). Answers
   * how many are open, and adds the serious ones found for the first time to `serious`.
   */
  const record = async (
    rows: ArticleRow[],
    hitsOf: Map<string, WordHit[]>,
    listVersion: string,
    at: Date,
    serious: NewFinding[]
  ) => {
    if (rows.length === 0) return 0;
    // Broken links are the link check's (links.ts), kept to the states of the addresses.
    const known = (await findings().findMany({
      where: {
        articleDocumentId: { $in: rows.map((row) => row.documentId) },
        kind: { $ne: 'brokenLink' },
      },
      select: ['id', 'fingerprint', 'state'],
    })) as FindingRow[];
    const byPrint = new Map(known.map((finding) => [finding.fingerprint, finding]));
    const seen = new Set<string>();
    const created: Array<{ row: ArticleRow; hit: WordHit; data: Record<string, unknown> }> = [];
    let opened = 0;
    for (const row of rows)
      for (const hit of hitsOf.get(row.documentId) ?? []) {
        const fingerprint = fingerprintOf(row.documentId, hit);
        if (seen.has(fingerprint)) continue;
        seen.add(fingerprint);
        const title = row.title?.slice(0, 300) ?? null;
        const existing = byPrint.get(fingerprint);
        if (existing) {
          await findings().update({
            where: { id: existing.id },
            data: {
              lastFoundAt: at,
              listVersion,
              siteId: row.siteKey,
              title,
              ...(existing.state === 'gone' ? { state: 'open' } : {}),
            },
          });
          if (existing.state !== 'dismissed') opened += 1;
          continue;
        }
        created.push({
          row,
          hit,
          data: {
            articleDocumentId: row.documentId,
            siteId: row.siteKey,
            title,
            kind: hit.kind ?? 'word',
            level: hit.level,
            word: hit.word.slice(0, 200),
            suggestion: hit.suggestion?.slice(0, 200) ?? null,
            field: hit.field.slice(0, 100),
            file: hit.file?.slice(0, 300) ?? null,
            position: hit.start,
            found: (hit.found ?? hit.word).slice(0, 200),
            context: hit.context,
            fingerprint,
            listVersion,
            state: 'open',
            firstFoundAt: at,
            lastFoundAt: at,
          },
        });
      }
    if (created.length > 0) {
      await findings().createMany({ data: created.map(({ data }) => data) });
      opened += created.length;
      // The serious ones are alerted with their ids (the alert is once per finding).
      const alerted = created.filter(
        ({ hit }) => hit.level === 'forbidden' && VETO_KINDS.includes(hit.kind ?? 'word')
      );
      if (alerted.length > 0) {
        const ids = new Map(
          (
            (await findings().findMany({
              where: { fingerprint: { $in: alerted.map(({ data }) => data.fingerprint) } },
              select: ['id', 'fingerprint'],
            })) as FindingRow[]
          ).map((finding) => [finding.fingerprint, finding.id])
        );
        for (const { row, hit, data } of alerted)
          serious.push({ id: ids.get(data.fingerprint as string)!, row, hit });
      }
    }
    // Open findings no longer found are gone (the text was corrected, or a word taken off the list).
    const gone = known
      .filter((finding) => finding.state === 'open' && !seen.has(finding.fingerprint))
      .map((finding) => finding.id);
    if (gone.length > 0)
      await findings().updateMany({ where: { id: { $in: gone } }, data: { state: 'gone' } });
    return opened;
  };

  /** 内容巡检预警: the serious faults just found, to the site's leaders and the province at once. */
  const alert = async (serious: NewFinding[], mailed: Set<string>, run: number) => {
    if (serious.length === 0) return;
    const sites = new Map(
      (
        (await strapi.db.query(SITE).findMany({
          where: { id: { $in: [...new Set(serious.map((f) => f.row.siteKey ?? -1))] } },
          select: ['id', 'documentId', 'code', 'name'],
        })) as Array<{ id: number; documentId: string; code: string; name: string }>
      ).map((site) => [site.id, site])
    );
    await getService(strapi, 'oversightAlerts').raiseFindings(
      serious.flatMap((finding) => {
        const site = sites.get(finding.row.siteKey ?? -1);
        return site
          ? [
              {
                id: finding.id,
                site: { documentId: site.documentId, code: site.code, name: site.name },
                rule: ruleOf(finding.hit.kind ?? 'word'),
                detail: detailOf(finding),
              },
            ]
          : [];
      }),
      { mailed, run: `inspection-run:${run}` }
    );
  };

  /** The run to go on with (one left unfinished for the same scope), or a new one. */
  const runFor = async (options: InspectionOptions, listVersion: string) => {
    const unfinished = await runs().findOne({
      where: { finishedAt: null, siteId: options.siteId ?? null },
      orderBy: { id: 'desc' },
    });
    if (unfinished) return unfinished as RunRow;
    return runs().create({
      data: {
        siteId: options.siteId ?? null,
        trigger: options.trigger ?? 'manual',
        requestedByName: options.requestedByName ?? null,
        listVersion,
        cursor: 0,
        linkCursor: 0,
        read: 0,
        checked: 0,
        found: 0,
        linksChecked: 0,
        linksBroken: 0,
        startedAt: new Date(),
      },
    }) as Promise<RunRow>;
  };

  const service = {
    /**
     * Runs (or resumes) one walk here and now: the text phase over the published articles, then
     * the link phase over the addresses due; answers what it did.
     */
    async run(options: InspectionOptions = {}) {
      const { version, lists, links } = await getService(strapi, 'review').checkLists();
      const listVersion = checkedVersion(version);
      const run = await runFor(options, listVersion);
      // Records kept before they named the published row (by document only): checked afresh.
      await states().deleteMany({ where: { articleId: null } });
      const progress: InspectionProgress = {
        read: run.read,
        checked: run.checked,
        found: run.found,
        linksChecked: Number(run.linksChecked ?? 0),
        linksBroken: Number(run.linksBroken ?? 0),
      };
      const clock = () => options.now ?? new Date();
      const bases = await linkCheck.siteBases();
      let cursor = run.cursor;
      const batchSize = options.batchSize ?? INSPECTION_BATCH;
      const populate = reviewedPopulate(strapi.getModel(ARTICLE), components);
      let checker: Checker | null = null;
      // Who this run has e-mailed an alert already (oversight/alerts.ts raiseFindings).
      const mailed = new Set<string>();
      try {
        checker = startChecker(
          lists,
          (strapi.config.get('plugin::governance') as GovernanceConfig).inspection.checkThreads
        );
        const check = checker.check;
        /** A batch after `after`, read, with those changed since their last check sent to be checked. */
        const readBatch = async (after: number) => {
          const rows = (await articles().findMany({
            where: {
              publishedAt: { $notNull: true },
              id: { $gt: after },
              ...(options.siteId !== undefined ? { siteKey: options.siteId } : {}),
            },
            populate,
            orderBy: { id: 'asc' },
            limit: batchSize,
          })) as ArticleRow[];
          if (rows.length === 0) return null;
          const linked = await linkedFilesOf(strapi, rows);
          const texts = new Map(
            rows.map((row, index) => [row.documentId, textsOf(row, linked[index])])
          );
          // Each published row's record, by the row's id (a publication makes a new row).
          const before = new Map(
            (
              (await states().findMany({
                where: { articleId: { $gt: after, $lte: rows[rows.length - 1].id } },
                select: ['articleId', 'textHash', 'listVersion'],
              })) as Array<{ articleId: number; textHash: string; listVersion: string }>
            ).map((state) => [Number(state.articleId), state])
          );
          const changed = rows.filter((row) => {
            const state = before.get(row.id);
            return (
              !state ||
              state.textHash !== texts.get(row.documentId)!.digest ||
              state.listVersion !== listVersion
            );
          });
          const hits = check(
            changed.map((row) => ({
              key: row.documentId,
              fields: texts.get(row.documentId)!.fields,
            }))
          );
          hits.catch(() => {}); // awaited with its batch; a stopped run may leave it
          return { after, rows, texts, before, changed, hits };
        };
        let next = options.signal?.aborted ? null : await readBatch(cursor);
        while (next && !options.signal?.aborted) {
          const { after, rows, texts, before, changed } = next;
          // The next batch is read while the checking thread checks this one.
          const following = options.signal?.aborted
            ? Promise.resolve(null)
            : readBatch(rows[rows.length - 1].id);
          following.catch(() => {}); // awaited below; not unhandled meanwhile
          const hits = await next.hits;
          const at = clock();
          const serious: NewFinding[] = [];
          const found = new Map<string, WordHit[]>();
          for (const row of changed) {
            const { files } = texts.get(row.documentId)!;
            found.set(row.documentId, [
              ...(hits.get(row.documentId) ?? []),
              ...linkHits(row.body, links.rules, links.own),
              ...(files.length > 0 ? await scanAttachments(strapi, files, lists) : []),
            ]);
          }
          // The batch's writes in one transaction: one commit a batch rather than one a
          // statement, and a run stopped midway leaves none of them half done.
          await strapi.db.transaction(async () => {
            progress.found += await record(changed, found, listVersion, at, serious);
            // The records of the batch's id range replaced: those of the articles checked again,
            // and those of rows no longer published there (withdrawn, or published again as a
            // new row). Keyed by the row's id, they are written in order: appended, not spread
            // over the index as document ids would be.
            // (One site's run replaces its own and leaves the range to the full run.)
            // Only the inspection writes records, under its lease: those read with the batch
            // are all there are, and a batch with none to replace (a first run's) skips the delete.
            const again = new Set(changed);
            const kept = rows.filter((row) => !again.has(row)).map((row) => row.id);
            if (options.siteId === undefined) {
              const keptIds = new Set(kept);
              if ([...before.keys()].some((id) => !keptIds.has(id)))
                await states().deleteMany({
                  where: {
                    articleId: { $gt: after, $lte: rows[rows.length - 1].id },
                    ...(kept.length > 0 ? { $not: { articleId: { $in: kept } } } : {}),
                  },
                });
            } else {
              const stale = changed.filter((row) => before.has(row.id)).map((row) => row.id);
              if (stale.length > 0)
                await states().deleteMany({ where: { articleId: { $in: stale } } });
            }
            await insertRows(
              strapi,
              INSPECTED_ARTICLE,
              changed.map((row) => ({
                documentId: orderedId(),
                articleId: row.id,
                articleDocumentId: row.documentId,
                siteId: row.siteKey,
                textHash: texts.get(row.documentId)!.digest,
                listVersion,
                checkedAt: at,
              }))
            );
            progress.checked += changed.length;
            // What they link to, and the group's own addresses among it decided at once.
            const decided = await linkCheck.record(changed, { bases, own: links.own, at });
            progress.linksChecked += decided.checked;
            progress.linksBroken += decided.broken;
            progress.read += rows.length;
            cursor = rows[rows.length - 1].id;
            // One statement: `update` would read the row before and after, in a savepoint.
            await runs().updateMany({
              where: { id: run.id },
              data: { cursor, lastId: cursor, ...progress },
            });
          });
          await alert(serious, mailed, run.id);
          options.onProgress?.({ ...progress });
          next = await following;
        }
      } finally {
        await checker?.stop();
      }
      // 链接可用性: the addresses due, asked (or resolved) under the same lease and signal.
      if (!options.signal?.aborted) {
        const fromText = { linksChecked: progress.linksChecked, linksBroken: progress.linksBroken };
        const linked = await linkCheck.checkDue({
          own: links.own,
          clock,
          siteId: options.siteId,
          signal: options.signal,
          cursor: Number(run.linkCursor ?? 0),
          onBatch: async (done) => {
            progress.linksChecked = fromText.linksChecked + done.checked;
            progress.linksBroken = fromText.linksBroken + done.broken;
            await runs().update({
              where: { id: run.id },
              data: {
                linkCursor: done.cursor,
                linksChecked: progress.linksChecked,
                linksBroken: progress.linksBroken,
              },
            });
            options.onProgress?.({ ...progress });
          },
        });
        if (!linked.stopped)
          await runs().update({ where: { id: run.id }, data: { finishedAt: new Date() } });
      }
      return { runId: run.id, ...progress, stopped: Boolean(options.signal?.aborted) };
    },

    /**
     * 误报: a finding the site judges a false positive, with the reason, within the caller's
     * sites; audited. It is not reported again while the article says the same there (its
     * fingerprint).
     */
    async dismiss(
      id: number,
      by: { id: number; name: string },
      reason: string,
      scope: SiteScope = { all: true },
      actor?: AdminUser
    ) {
      const finding = (await findings().findOne({
        where: { id },
        select: ['id', 'state', 'siteId', 'title', 'word'],
      })) as (FindingRow & { siteId: number | null; title: string | null; word: string }) | null;
      if (!finding || (!scope.all && !scope.siteIds.includes(finding.siteId ?? -1)))
        throw new errors.NotFoundError(ERRORS.noSuchFinding);
      if (finding.state !== 'open') throw new errors.ValidationError(ERRORS.notOpen);
      const updated = await findings().update({
        where: { id },
        data: {
          state: 'dismissed',
          dismissedById: by.id,
          dismissedByName: by.name.slice(0, 100),
          dismissedAt: new Date(),
          dismissReason: reason,
        },
      });
      await getService(strapi, 'audit').record('inspection.dismiss', {
        summary: `将《${finding.title ?? ''}》中的“${finding.word}”判为误报：${reason}`,
        subject: finding.title ?? '',
        details: { findingId: id, reason },
        actor: actor ?? 'system',
      });
      return updated;
    },

    /**
     * An article went offline (unpublished or deleted, on any path: articles/document-middleware):
     * its open findings are gone, and it is checked afresh if it comes back (as a new row, which
     * has no record; the next run drops the old row's).
     */
    async offline(documentId: string) {
      await findings().updateMany({
        where: { articleDocumentId: documentId, state: 'open' },
        data: { state: 'gone' },
      });
      await linkCheck.forget(documentId);
    },

    /**
     * 撤稿: takes the finding's article offline by the Document Service's unpublish, the
     * Content Manager's own path (figures, files, copies and the audit follow), if `mayUnpublish`
     * (the caller's Content Manager permission) allows it for that article. Audited with the
     * finding and the reason.
     */
    async unpublish(
      id: number,
      {
        reason,
        scope,
        mayUnpublish,
        actor,
      }: {
        reason: string;
        scope: SiteScope;
        mayUnpublish: (article: Record<string, unknown>) => boolean;
        actor: AdminUser;
      }
    ) {
      const finding = (await findings().findOne({
        where: { id },
        select: ['id', 'siteId', 'articleDocumentId', 'word', 'found', 'kind'],
      })) as {
        id: number;
        siteId: number | null;
        articleDocumentId: string;
        word: string;
        found: string | null;
        kind: string;
      } | null;
      if (!finding || (!scope.all && !scope.siteIds.includes(finding.siteId ?? -1)))
        throw new errors.NotFoundError(ERRORS.noSuchFinding);
      const article = (await articles().findOne({
        where: { documentId: finding.articleDocumentId, publishedAt: { $notNull: true } },
        select: ['id', 'documentId', 'title', 'siteKey'],
      })) as { documentId: string; title: string | null } | null;
      if (!article) throw new errors.ValidationError(ERRORS.notOnline);
      if (!mayUnpublish(article)) throw forbidden(ERRORS.mayNotUnpublish);
      await strapi.documents(ARTICLE).unpublish({ documentId: article.documentId });
      const what =
        finding.kind === 'personalData'
          ? finding.word
          : finding.kind === 'brokenLink'
            ? `不可用链接“${finding.found ?? finding.word}”`
            : `“${finding.found ?? finding.word}”`;
      await getService(strapi, 'audit').record('inspection.unpublish', {
        summary: `因内容巡检发现${what}，撤下《${article.title ?? ''}》：${reason}`,
        subject: article.title ?? '',
        details: { findingId: id, documentId: article.documentId, reason },
        actor,
      });
      return { documentId: article.documentId, unpublished: true };
    },

    /**
     * 立即巡检: starts a run in the background (one site, or all) unless one is going on; answers
     * whether it started. Audited.
     */
    async start({ siteId, requestedBy }: { siteId?: number; requestedBy: AdminUser }) {
      if (await leaseHeld(strapi, INSPECTION_JOB)) return false;
      const site = siteId
        ? ((await strapi.db.query(SITE).findOne({ where: { id: siteId }, select: ['name'] })) as {
            name: string;
          } | null)
        : null;
      await getService(strapi, 'audit').record('inspection.run', {
        summary: `发起内容巡检（${site?.name ?? '全部站点'}）`,
        subject: site?.name ?? '全部站点',
        details: { siteId: siteId ?? null },
        actor: requestedBy,
      });
      const options = {
        siteId,
        trigger: 'manual' as const,
        requestedByName: personName(requestedBy),
      };
      // Recorded before answering, so the page that asked sees it going on at once; the job
      // goes on with it (runFor).
      await runFor(
        options,
        checkedVersion((await getService(strapi, 'review').checkLists()).version)
      );
      void service
        .runJob(options)
        .catch((error: Error) =>
          strapi.log.error(`governance: content inspection failed: ${error.message}`)
        );
      return true;
    },

    /** The job (nightly, and on demand): one instance of several runs it, under its lease. */
    runJob(
      options: Omit<InspectionOptions, 'signal'> & { stop?: AbortSignal } = {}
    ): Promise<LeaseRun> {
      const { stop, ...rest } = options;
      return runWithLease(strapi, INSPECTION_JOB, HOLD_MS, async (lease) => {
        const signal = stop ? AbortSignal.any([lease, stop]) : lease;
        const done = await service.run({ ...rest, signal });
        return `read ${done.read}, checked ${done.checked}, ${done.found} open findings in those checked; links checked ${done.linksChecked}, broken ${done.linksBroken}${done.stopped ? ' (stopped)' : ''}`;
      });
    },
  };
  return service;
};

export default inspectionService;
