/**
 * 链接可用性 in the content inspection: what each published article links to
 * (`governance_article_links`, filled when the inspection reads the article), one state per
 * address (`governance_link_states`), and the `brokenLink` findings of the articles linking an
 * address that is broken. The group's own addresses (a media library file, one of its articles,
 * a site's home) are decided at once from the database; any other is asked over the network by
 * link-checker.ts and counts broken after two failures a day apart (link-state.ts).
 */
import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import type { GovernanceConfig } from '../config';
import { hostOf, type SiteDomains } from '../rankings/visit-domains';
import { ARTICLE, ARTICLE_LINK, INSPECTION_FINDING, LINK_STATE, SITE, UPLOAD_FILE } from '../uids';
import { dbNames } from '../utils/db-names';
import { orderedId } from '../utils/ordered-id';
import { insertRows } from '../utils/insert-rows';
import { yieldToEventLoop } from '../utils/yield';
import { createLinkChecker, type Hop } from './link-checker';
import { BROKEN_AFTER_MS, nextLinkState, type LinkHealth, type LinkState } from './link-state';
import { linkTargetsOf, ownPathOf, siteBase } from './link-targets';
import { failureText, type LinkFailureKind } from './messages';

type Stamp = string | number | Date | null;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows of one `$in` list: far below SQLite's and PostgreSQL's limits on bound values. */
const IN_LIST = 500;
/** Addresses a batch of the network phase takes: the run saves its place after each. */
const DUE_BATCH = 100;

const chunks = <T>(items: T[], size = IN_LIST) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size)
  );

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the article rows the text phase read give this module. */
export interface LinkedArticle {
  /** The published row's id. */
  id: number;
  documentId: string;
  siteKey: number | null;
  title: string | null;
  body?: unknown;
}

interface StateRow {
  id: number;
  url: string;
  urlHash: string;
  health: LinkHealth | null;
  firstFailedAt: Stamp;
  internal: boolean | number | null;
}

interface LinkRow {
  articleDocumentId: string;
  siteId: number | null;
  url: string;
  urlHash: string;
  kind: 'link' | 'image';
  text: string | null;
}

/** What one check found. `atOnce`: the group's own address, decided without a second look. */
interface Outcome {
  ok: boolean;
  internal: boolean;
  atOnce: boolean;
  status: number | null;
  failure: LinkFailureKind | null;
  finalUrl: string;
  redirects: Hop[] | null;
  checkedAt: Date;
}

export interface LinkPhaseProgress {
  /** Addresses checked (asked, or resolved in the database) and, of them, broken now. */
  checked: number;
  broken: number;
  /** The last state id the phase went past: where a stopped run goes on. */
  cursor: number;
}

export const linkAvailability = (strapi: Core.Strapi) => {
  const links = () => strapi.db.query(ARTICLE_LINK);
  const states = () => strapi.db.query(LINK_STATE);
  const findings = () => strapi.db.query(INSPECTION_FINDING);
  const settings = () =>
    (strapi.config.get('plugin::governance') as GovernanceConfig).inspection.links;

  /** Each site's origin, for its articles' site-relative links. */
  const siteBases = async () =>
    new Map(
      (
        (await strapi.db.query(SITE).findMany({ select: ['id', 'url'] })) as Array<{
          id: number;
          url: string | null;
        }>
      ).map((site) => [site.id, siteBase(site.url)])
    );

  /**
   * The group's own addresses decided from the database: the home page opens; an upload opens
   * when a media library file has that address; a page whose last segment is an article's slug
   * opens when the article is published, and is broken when it is not. Others (null) cannot be
   * judged without the site's own front end: the network phase asks them.
   */
  const resolveOwn = async (
    rows: Array<{ url: string; urlHash: string }>,
    own: SiteDomains[],
    at: Date
  ) => {
    const paths = rows.map((row) => ({ row, path: ownPathOf(row.url, own) }));
    const uploads = [
      ...new Set(paths.flatMap(({ path }) => (path?.kind === 'upload' ? [path.path] : []))),
    ];
    const slugs = [
      ...new Set(
        paths.flatMap(({ path }) => (path?.kind === 'page' && path.slug ? [path.slug] : []))
      ),
    ];
    const files = new Set<string>();
    for (const chunk of chunks(uploads))
      for (const file of (await strapi.db.query(UPLOAD_FILE).findMany({
        where: { url: { $in: chunk } },
        select: ['url'],
      })) as Array<{ url: string }>)
        files.add(file.url);
    // A slug known to the CMS, published or not (a draft row keeps it after an unpublish).
    const published = new Map<string, boolean>();
    for (const chunk of chunks(slugs))
      for (const article of (await strapi.db.query(ARTICLE).findMany({
        where: { slug: { $in: chunk } },
        select: ['slug', 'publishedAt'],
      })) as Array<{ slug: string; publishedAt: Stamp }>)
        published.set(article.slug, published.get(article.slug) || article.publishedAt !== null);

    const outcomes = new Map<string, Outcome>();
    const decide = (urlHash: string, url: string, failure: LinkFailureKind | null) =>
      outcomes.set(urlHash, {
        ok: failure === null,
        internal: true,
        atOnce: true,
        status: null,
        failure,
        finalUrl: url,
        redirects: null,
        checkedAt: at,
      });
    for (const { row, path } of paths) {
      if (!path) continue;
      if (path.kind === 'home') decide(row.urlHash, row.url, null);
      else if (path.kind === 'upload')
        decide(row.urlHash, row.url, files.has(path.path) ? null : 'missingFile');
      else if (path.slug && published.has(path.slug))
        decide(row.urlHash, row.url, published.get(path.slug) ? null : 'missingArticle');
    }
    return outcomes;
  };

  /**
   * The states after their outcomes: the group's own at once, others by link-state.ts's two
   * failures. States given the same values are written together (the group's own addresses of a
   * batch, mostly); answers each address's health before and after.
   */
  const apply = async (checked: Array<{ state: StateRow; outcome: Outcome }>) => {
    const writes = new Map<string, { data: Record<string, unknown>; ids: number[] }>();
    const changes = checked.map(({ state, outcome }) => {
      const previous: LinkState | null = state.health
        ? {
            health: state.health,
            firstFailedAt: state.firstFailedAt ? new Date(state.firstFailedAt as string) : null,
          }
        : null;
      let next: LinkState;
      if (!outcome.atOnce) next = nextLinkState(previous, outcome);
      else if (outcome.ok) next = { health: 'ok', firstFailedAt: null };
      else
        next = {
          health: 'broken',
          firstFailedAt:
            previous && previous.health !== 'ok' && previous.firstFailedAt
              ? previous.firstFailedAt
              : outcome.checkedAt,
        };
      const data = {
        health: next.health,
        firstFailedAt: next.firstFailedAt,
        status: outcome.status,
        failure: outcome.failure,
        // Where a redirect chain ended; none when the address answered itself.
        finalUrl: outcome.finalUrl === state.url ? null : outcome.finalUrl,
        redirects: outcome.redirects,
        internal: outcome.internal,
        checkedAt: outcome.checkedAt,
      };
      const key = JSON.stringify(data);
      const write = writes.get(key) ?? writes.set(key, { data, ids: [] }).get(key)!;
      write.ids.push(state.id);
      return { urlHash: state.urlHash, before: state.health, after: next.health };
    });
    for (const { data, ids } of writes.values())
      for (const chunk of chunks(ids))
        await states().updateMany({ where: { id: { $in: chunk } }, data });
    return changes;
  };

  /** The states of addresses no article links any more are dropped: nobody is asked for them. */
  const prune = async (hashes: string[]) => {
    for (const chunk of chunks([...new Set(hashes)])) {
      const still = new Set(
        (
          (await links().findMany({
            where: { urlHash: { $in: chunk } },
            select: ['urlHash'],
          })) as Array<{ urlHash: string }>
        ).map((row) => row.urlHash)
      );
      const orphans = chunk.filter((hash) => !still.has(hash));
      if (orphans.length > 0) await states().deleteMany({ where: { urlHash: { $in: orphans } } });
    }
  };

  /**
   * The `brokenLink` findings of these articles made to match their links and the states: one
   * finding per article and broken address (its fingerprint), open while it stays broken and
   * linked, gone after; a dismissed one (误报) stays dismissed.
   */
  const reconcile = async (documentIds: string[], at: Date, known?: Map<string, LinkedArticle>) => {
    for (const ids of chunks([...new Set(documentIds)], 200)) {
      const rows = (await links().findMany({
        where: { articleDocumentId: { $in: ids } },
        select: ['articleDocumentId', 'siteId', 'url', 'urlHash', 'kind', 'text'],
        orderBy: { id: 'asc' },
      })) as LinkRow[];
      const broken = new Map<string, { status: number | null; failure: LinkFailureKind | null }>();
      for (const hashes of chunks([...new Set(rows.map((row) => row.urlHash))]))
        for (const state of (await states().findMany({
          where: { urlHash: { $in: hashes }, health: 'broken' },
          select: ['urlHash', 'status', 'failure'],
        })) as Array<{ urlHash: string; status: number | null; failure: LinkFailureKind | null }>)
          broken.set(state.urlHash, state);
      const existing = new Map(
        (
          (await findings().findMany({
            where: { articleDocumentId: { $in: ids }, kind: 'brokenLink' },
            select: ['id', 'fingerprint', 'state'],
          })) as Array<{ id: number; fingerprint: string; state: 'open' | 'dismissed' | 'gone' }>
        ).map((finding) => [finding.fingerprint, finding])
      );
      const titles =
        known ??
        new Map(
          (
            (await strapi.db.query(ARTICLE).findMany({
              where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
              select: ['documentId', 'title', 'siteKey'],
            })) as LinkedArticle[]
          ).map((article) => [article.documentId, article])
        );
      const seen = new Set<string>();
      for (const row of rows) {
        const state = broken.get(row.urlHash);
        const article = titles.get(row.articleDocumentId);
        if (!state || !article) continue;
        const fingerprint = sha256(
          JSON.stringify([row.articleDocumentId, 'brokenLink', row.urlHash])
        );
        if (seen.has(fingerprint)) continue;
        seen.add(fingerprint);
        const words = row.text ?? '';
        const what =
          row.kind === 'image' ? `图片${words ? `“${words}”` : ''}` : words ? `“${words}”` : '';
        const shown = {
          siteId: row.siteId,
          title: article.title?.slice(0, 300) ?? null,
          found: row.url.slice(0, 200),
          context: `${what}${what ? `（${row.url}）` : row.url}：${failureText(state.failure, state.status)}`,
          lastFoundAt: at,
        };
        const finding = existing.get(fingerprint);
        if (finding) {
          await findings().update({
            where: { id: finding.id },
            data: { ...shown, ...(finding.state === 'gone' ? { state: 'open' } : {}) },
          });
          continue;
        }
        await findings().create({
          data: {
            ...shown,
            articleDocumentId: row.articleDocumentId,
            kind: 'brokenLink',
            level: 'check',
            word: (words || (row.kind === 'image' ? '正文图片' : row.url)).slice(0, 200),
            suggestion:
              row.kind === 'image'
                ? '重新插入图片，或删除该图片'
                : '改为能打开的地址，或删除该链接',
            field: row.kind === 'image' ? 'body.image' : 'body',
            position: 0,
            fingerprint,
            state: 'open',
            firstFoundAt: at,
          },
        });
      }
      const gone = [...existing.values()]
        .filter((finding) => finding.state === 'open' && !seen.has(finding.fingerprint))
        .map((finding) => finding.id);
      if (gone.length > 0)
        await findings().updateMany({ where: { id: { $in: gone } }, data: { state: 'gone' } });
      await yieldToEventLoop();
    }
  };

  /** The articles linking these addresses, their findings made to match the states. */
  const reconcileLinking = async (hashes: string[], at: Date) => {
    const articles = new Set<string>();
    for (const chunk of chunks([...new Set(hashes)]))
      for (const row of (await links().findMany({
        where: { urlHash: { $in: chunk } },
        select: ['articleDocumentId'],
      })) as Array<{ articleDocumentId: string }>)
        articles.add(row.articleDocumentId);
    await reconcile([...articles], at);
  };

  return {
    siteBases,

    /**
     * The text phase, for the articles it checks again: their links and images replace what was
     * recorded, each new address gets a state, the group's own are decided now, and the
     * articles' `brokenLink` findings follow. Answers how many addresses it decided, and of them
     * how many are broken.
     */
    async record(
      read: LinkedArticle[],
      { bases, own, at }: { bases: Map<number, string | null>; own: SiteDomains[]; at: Date }
    ) {
      const decided = { checked: 0, broken: 0 };
      if (read.length === 0) return decided;
      const targets = new Map(
        read.map((row) => [
          row.documentId,
          linkTargetsOf(row.body, bases.get(row.siteKey ?? -1) ?? null),
        ])
      );
      const before = (
        (await links().findMany({
          where: { articleDocumentId: { $in: read.map((row) => row.documentId) } },
          select: ['urlHash'],
        })) as Array<{ urlHash: string }>
      ).map((row) => row.urlHash);
      // Articles that link nothing, and linked nothing before: nothing to record or reconcile.
      if (before.length === 0 && [...targets.values()].every((found) => found.length === 0))
        return decided;
      // An article taken offline since the batch was read has been forgotten (`forget`): its
      // links are not recorded again behind it. Its published row is gone then (a publication
      // makes a new one): the rows still there are asked by their id range, a short statement.
      const rowIds = read.map((row) => row.id);
      const online = new Set(
        (
          (await strapi.db.query(ARTICLE).findMany({
            where: {
              id: { $gte: Math.min(...rowIds), $lte: Math.max(...rowIds) },
              publishedAt: { $notNull: true },
            },
            select: ['id'],
          })) as Array<{ id: number }>
        ).map((article) => article.id)
      );
      const rows = read.filter((row) => online.has(row.id));
      const ids = rows.map((row) => row.documentId);
      await links().deleteMany({ where: { articleDocumentId: { $in: ids } } });
      const data = rows.flatMap((row) =>
        targets.get(row.documentId)!.map((target) => ({
          documentId: orderedId(),
          articleDocumentId: row.documentId,
          siteId: row.siteKey,
          url: target.url,
          urlHash: target.urlHash,
          kind: target.kind,
          text: target.text.slice(0, 200) || null,
        }))
      );
      await insertRows(strapi, ARTICLE_LINK, data);

      const addresses = new Map(data.map((row) => [row.urlHash, row.url]));
      const found: StateRow[] = [];
      for (const chunk of chunks([...addresses.keys()])) {
        const read = () =>
          states().findMany({
            where: { urlHash: { $in: chunk } },
            select: ['id', 'url', 'urlHash', 'health', 'firstFailedAt', 'internal'],
          }) as Promise<StateRow[]>;
        let rowsRead = await read();
        const have = new Set(rowsRead.map((state) => state.urlHash));
        const missing = chunk.filter((hash) => !have.has(hash));
        if (missing.length > 0) {
          await insertRows(
            strapi,
            LINK_STATE,
            missing.map((urlHash) => {
              const url = addresses.get(urlHash)!;
              return { documentId: orderedId(), url, urlHash, host: hostOf(url), internal: false };
            })
          );
          rowsRead = await read();
        }
        found.push(...rowsRead);
      }
      const outcomes = await resolveOwn(found, own, at);
      const changes = await apply(
        found.flatMap((state) => {
          const outcome = outcomes.get(state.urlHash);
          return outcome ? [{ state, outcome }] : [];
        })
      );
      decided.checked += changes.length;
      decided.broken += changes.filter(({ after }) => after === 'broken').length;
      // Once the group's own and now not (its article deleted): the network phase asks it.
      const noLongerOwn = found
        .filter((state) => state.internal && !outcomes.has(state.urlHash))
        .map((state) => state.id);
      for (const chunk of chunks(noLongerOwn))
        await states().updateMany({
          where: { id: { $in: chunk } },
          data: { internal: false, checkedAt: null },
        });
      await prune(before.filter((hash) => !addresses.has(hash)));
      await reconcile(ids, at, new Map(rows.map((row) => [row.documentId, row])));
      return decided;
    },

    /**
     * The network phase: the addresses due (never checked; failing and last checked a day ago;
     * the group's own a day ago; others ok or broken a week ago), a batch at a time from
     * `cursor`, of one site's articles or all; the group's own resolved again from the
     * database, the others asked. Stops between batches, and asks nothing more, once `signal`
     * aborts: the states say what is still due.
     */
    async checkDue({
      own,
      clock,
      siteId,
      signal,
      cursor,
      onBatch,
    }: {
      own: SiteDomains[];
      clock: () => Date;
      siteId?: number;
      signal?: AbortSignal;
      cursor: number;
      onBatch: (progress: LinkPhaseProgress) => Promise<void>;
    }) {
      const { recheckDays, ...checkerOptions } = settings();
      const checker = createLinkChecker(checkerOptions);
      const state = dbNames(strapi, LINK_STATE);
      const link = dbNames(strapi, ARTICLE_LINK);
      const progress: LinkPhaseProgress = { checked: 0, broken: 0, cursor };
      const column = (name: string) =>
        `${state.table}.${name === 'id' ? 'id' : state.column(name)}`;
      for (;;) {
        if (signal?.aborted) return { ...progress, stopped: true };
        const now = clock();
        const due = (await strapi.db
          .connection(state.table)
          .select({
            id: column('id'),
            url: column('url'),
            urlHash: column('urlHash'),
            health: column('health'),
            firstFailedAt: column('firstFailedAt'),
            internal: column('internal'),
          })
          .where(column('id'), '>', progress.cursor)
          .whereExists(function linked() {
            this.select(strapi.db.connection.raw('1'))
              .from(link.table)
              .whereRaw('??.?? = ??.??', [
                link.table,
                link.column('urlHash'),
                state.table,
                state.column('urlHash'),
              ]);
            if (siteId !== undefined) this.where(`${link.table}.${link.column('siteId')}`, siteId);
          })
          .where(function isDue() {
            this.whereNull(column('checkedAt'))
              .orWhere(function dayOld() {
                this.where(
                  column('checkedAt'),
                  '<=',
                  new Date(now.getTime() - BROKEN_AFTER_MS)
                ).where(function failingOrOwn() {
                  this.where(column('health'), 'failing').orWhere(column('internal'), true);
                });
              })
              .orWhere(column('checkedAt'), '<=', new Date(now.getTime() - recheckDays * DAY_MS));
          })
          .orderBy(column('id'))
          .limit(DUE_BATCH)) as StateRow[];
        if (due.length === 0) return { ...progress, stopped: false };

        const outcomes = await resolveOwn(due, own, now);
        const asked = due.filter((row) => !outcomes.has(row.urlHash));
        const verdicts =
          asked.length > 0
            ? await checker.check(
                asked.map((row) => row.url),
                undefined,
                signal
              )
            : new Map();
        const changes = await apply(
          due.flatMap((row) => {
            const verdict = verdicts.get(row.url);
            const outcome: Outcome | undefined =
              outcomes.get(row.urlHash) ??
              (verdict && {
                ok: verdict.ok,
                internal: false,
                atOnce: false,
                status: verdict.status,
                failure: verdict.failure,
                finalUrl: verdict.finalUrl,
                redirects: verdict.redirects.length > 0 ? verdict.redirects : null,
                // The run's clock: a run told another time (tests) judges its failures by it.
                checkedAt: clock(),
              });
            // Not asked: the signal aborted first; it stays due.
            return outcome ? [{ state: row, outcome }] : [];
          })
        );
        progress.checked += changes.length;
        progress.broken += changes.filter(({ after }) => after === 'broken').length;
        await reconcileLinking(
          changes
            .filter(({ before, after }) => before === 'broken' || after === 'broken')
            .map(({ urlHash }) => urlHash),
          clock()
        );
        // Stopped midway: the place stays, and what was not asked is found due again.
        if (!signal?.aborted) progress.cursor = due[due.length - 1].id;
        await onBatch({ ...progress });
        await yieldToEventLoop();
      }
    },

    /** An article gone offline: what it linked is forgotten (its findings are gone already). */
    async forget(documentId: string) {
      const before = (
        (await links().findMany({
          where: { articleDocumentId: documentId },
          select: ['urlHash'],
        })) as Array<{ urlHash: string }>
      ).map((row) => row.urlHash);
      if (before.length === 0) return;
      await links().deleteMany({ where: { articleDocumentId: documentId } });
      await prune(before);
    },
  };
};
