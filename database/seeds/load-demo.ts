/**
 * Loads the demo website group into whatever database Strapi is connected to, in bulk and in
 * one transaction: a crash leaves the database as it was. Every row has a natural key (site
 * code, article slug, message query code) and only missing rows are inserted, so a second run
 * adds nothing.
 *
 * Besides the 2014 year as the notice reports it, the group is alive: the last months of 2014
 * are repeated up to yesterday (`recentCopy`), so that 站群监测, 留言办理 and the home pages open
 * on a group at work today while the 2014 ranking and notice stay as they were.
 */
import type { Core, UID } from '@strapi/strapi';
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import {
  REPORT_CATEGORY_BY_KIND,
  type ReportCategory,
} from '../../src/plugins/governance/shared/contracts/columns';
import type { ColumnKind } from '../../src/plugins/governance/shared/contracts/oversight';
import {
  levelMessages,
  readFacts,
  recentCopy,
  readSites,
  siteIdentity,
  siteArticles,
  siteVisits,
  COLUMNS,
  type DemoArticle,
  type DemoMessage,
  type DemoSite,
  type SiteLevel,
} from './demo-data';

const BATCH = 400;

export interface LoadReport {
  sites: number;
  columns: number;
  articles: number;
  drafts: number;
  messages: number;
  visitDays: number;
  seconds: number;
}

type Progress = (done: number, total: number) => void;

/**
 * Document ids made as Strapi makes them (cuid2: always starting with a letter). Strapi reads a
 * relation given as a string starting with a digit as a numeric id, so "1abc…" would not connect.
 */
const documentId = createId;

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size)
  );

/** Table and column names as Strapi created them. */
const namesOf = (strapi: Core.Strapi, uid: UID.Schema, relation: string) => {
  const meta = strapi.db.metadata.get(uid);
  const joinTable = (
    meta.attributes[relation] as {
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    }
  ).joinTable;
  if (!joinTable) throw new Error(`${uid}.${relation} has no join table`);
  return {
    table: meta.tableName,
    link: joinTable.name,
    owner: joinTable.joinColumn.name,
    target: joinTable.inverseJoinColumn.name,
  };
};

const insertSites = async (trx: Knex.Transaction, strapi: Core.Strapi, sites: DemoSite[]) => {
  const names = namesOf(strapi, 'api::site.site', 'parent');
  const existing = new Set(
    (await trx(names.table).select('code')).map((r: { code: string }) => r.code)
  );
  const now = new Date();
  const missing = sites.filter((s) => !existing.has(s.code));
  for (const batch of chunks(missing, BATCH)) {
    await trx(names.table).insert(
      batch.map((s) => {
        const identity = siteIdentity(s);
        return {
          document_id: documentId(),
          name: s.name,
          code: s.code,
          level: s.level,
          url:
            s.level === 'portal' ? 'http://www.shaanxi.gov.cn/mz/' : `http://${s.code}.mz.example/`,
          sort_order: s.sortOrder,
          active: true,
          responsible_person: s.responsiblePerson,
          site_type: identity.siteType,
          sponsor: identity.sponsor,
          site_id_code: identity.siteIdCode,
          icp_number: identity.icpNumber,
          public_security_number: identity.publicSecurityNumber,
          created_at: now,
          updated_at: now,
          published_at: now,
        };
      })
    );
  }

  const ids = new Map<string, number>(
    (await trx(names.table).select('id', 'code')).map((r: { id: number; code: string }) => [
      r.code,
      r.id,
    ])
  );
  const linked = new Set(
    (await trx(names.link).select(names.owner)).map((r: Record<string, number>) => r[names.owner])
  );
  const parentLinks = sites
    .filter((s) => s.parentCode && !linked.has(ids.get(s.code)!))
    .map((s) => {
      const parentId = ids.get(s.parentCode!);
      if (!parentId) throw new Error(`site ${s.code}: parent ${s.parentCode} is not in sites.csv`);
      return { [names.owner]: ids.get(s.code), [names.target]: parentId, site_ord: 1 };
    });
  for (const batch of chunks(parentLinks, BATCH)) await trx(names.link).insert(batch);
  return { ids, inserted: missing.length };
};

/** One published article is two rows (draft and published) with one document id, and two links. */
const insertArticles = async (
  trx: Knex.Transaction,
  strapi: Core.Strapi,
  articles: DemoArticle[],
  siteIds: Map<string, number>,
  published: boolean
) => {
  const names = namesOf(strapi, 'api::article.article', 'site');
  for (const batch of chunks(articles, BATCH / 2)) {
    const rows = batch.flatMap((a) => {
      const row = {
        document_id: documentId(),
        title: a.title,
        slug: a.slug,
        // The site key the server keeps on every row written through Strapi (sites/site-key.ts).
        site_key: siteIds.get(a.siteCode),
        summary: a.summary,
        body: JSON.stringify(a.body),
        column: a.column,
        is_special_topic: a.isSpecialTopic,
        first_published_at: published ? a.publishedAt : null,
        // The 2014 articles were reviewed on paper before this system: shown as approved.
        review_status: published ? 'approved' : 'draft',
        created_at: a.publishedAt,
        updated_at: a.publishedAt,
        published_at: null as Date | null,
      };
      return published ? [row, { ...row, published_at: a.publishedAt }] : [row];
    });
    await trx(names.table).insert(rows);
    const inserted = (await trx(names.table)
      .select('id', 'slug')
      .whereIn('document_id', [...new Set(rows.map((r) => r.document_id))])) as Array<{
      id: number;
      slug: string;
    }>;
    const siteBySlug = new Map(batch.map((a) => [a.slug, siteIds.get(a.siteCode)]));
    await trx(names.link).insert(
      inserted.map((r) => ({ [names.owner]: r.id, [names.target]: siteBySlug.get(r.slug) }))
    );
  }
};

/**
 * A message as it stands at `now`: the recent copy's messages whose reply lies ahead are still
 * being handled (signed for, or just in), some of them past their deadline.
 */
const asOf = (message: DemoMessage, now: Date) => {
  if (message.repliedAt <= now) return { ...message, status: 'closed' as const };
  const justIn = now.getTime() - message.receivedAt.getTime() < 24 * 60 * 60 * 1000;
  return {
    ...message,
    status: justIn ? ('received' as const) : ('accepted' as const),
    reply: null,
    repliedAt: null,
    replyingUnit: null,
    workingDaysToReply: null,
    repliedOnTime: null,
    isPublic: false,
    satisfaction: null,
  };
};

export const loadDemo = async (
  strapi: Core.Strapi,
  appRoot: string,
  progress: Progress = () => {},
  now = new Date(),
  figures?: (progress: { phase: string; done: number; total: number }) => void
): Promise<LoadReport> => {
  const started = Date.now();
  const facts = readFacts(appRoot);
  const timezone = facts.timezone;
  const sites = readSites(appRoot, facts);
  const recent = recentCopy(facts.year, timezone, now);
  const knex = strapi.db.connection;

  const report = await knex.transaction(async (trx) => {
    const { ids: siteIds, inserted: sitesInserted } = await insertSites(trx, strapi, sites);

    const articleTable = strapi.db.metadata.get('api::article.article').tableName;
    const existingSlugs = new Set(
      (await trx(articleTable).select('slug').whereNotNull('slug')).map(
        (r: { slug: string }) => r.slug
      )
    );

    // Slugs are `<site>-<year>-<nnnnn>`: a site-year already complete needs no generating.
    const loadedPerSiteYear = new Map<string, number>();
    for (const slug of existingSlugs) {
      const prefix = slug.slice(0, slug.lastIndexOf('-'));
      loadedPerSiteYear.set(prefix, (loadedPerSiteYear.get(prefix) ?? 0) + 1);
    }

    // What is missing, per site and year (and the recent copy): only that is generated and counted.
    const pending = sites.flatMap((site) =>
      [
        {
          key: `${site.code}-2013`,
          count: site.articles2013,
          articles: () => [
            ...siteArticles(site, 2013, site.articles2013, site.specialTopics2013, timezone),
          ],
        },
        {
          key: `${site.code}-2014`,
          count: site.articles2014,
          articles: () => [
            ...siteArticles(site, 2014, site.articles2014, site.specialTopics2014, timezone),
          ],
        },
        {
          key: `${site.code}-${recent.label}`,
          // How many of 2014's articles fall in the copied months is known once they are drawn.
          count: null,
          articles: () =>
            [
              ...siteArticles(
                site,
                2014,
                site.articles2014,
                site.specialTopics2014,
                timezone,
                recent
              ),
            ].filter((a) => recent.includes(a.publishedAt)),
        },
      ].flatMap(({ key, count, articles }) => {
        if (count !== null && loadedPerSiteYear.get(key) === count) return [];
        const all = articles();
        return loadedPerSiteYear.get(key) === all.length
          ? []
          : [all.filter((a) => !existingSlugs.has(a.slug))];
      })
    );
    const total = pending.reduce((sum, articles) => sum + articles.length, 0);
    let articlesInserted = 0;
    for (const fresh of pending) {
      await insertArticles(trx, strapi, fresh, siteIds, true);
      articlesInserted += fresh.length;
      progress(articlesInserted, total);
    }

    // A few drafts waiting for review: they must never count.
    const drafts = sites
      .filter((s) => s.level === 'city')
      .map((site): DemoArticle => ({
        ...siteArticles(site, 2015, 1, 0, timezone).next().value!,
        slug: `${site.code}-draft-2015-00001`,
      }))
      .filter((a) => !existingSlugs.has(a.slug));
    await insertArticles(trx, strapi, drafts, siteIds, false);

    const messages = namesOf(strapi, 'api::citizen-message.citizen-message', 'site');
    const holdingTable = strapi.db.metadata.get('plugin::governance.message-holding').tableName;
    const existingCodes = new Set(
      (await trx(messages.table).select('query_code')).map(
        (r: { query_code: string }) => r.query_code
      )
    );
    let messagesInserted = 0;
    for (const [level, count] of Object.entries(facts.messages.replied_by_level) as Array<
      [SiteLevel, number]
    >) {
      const levelSites = sites.filter((s) => s.level === level);
      const recentMessages = [
        ...levelMessages(levelSites, count, facts.year, timezone, recent),
      ].filter((m) => recent.includesMessage(m.receivedAt));
      const fresh = [...levelMessages(levelSites, count, facts.year, timezone), ...recentMessages]
        .map((m) => asOf(m, now))
        .filter((m) => !existingCodes.has(m.queryCode));
      for (const batch of chunks(fresh, BATCH)) {
        const rows = batch.map((m) => ({
          document_id: documentId(),
          site_key: siteIds.get(m.siteCode),
          category: m.category,
          subject: m.subject,
          body: m.body,
          name: m.name,
          phone: m.phone,
          query_code: m.queryCode,
          status: m.status,
          received_at: m.receivedAt,
          due_at: m.dueAt,
          reply: m.reply,
          replied_at: m.repliedAt,
          replying_unit: m.replyingUnit,
          working_days_to_reply: m.workingDaysToReply,
          replied_on_time: m.repliedOnTime,
          is_public: m.isPublic,
          satisfaction: m.satisfaction,
          created_at: m.receivedAt,
          updated_at: m.repliedAt ?? m.receivedAt,
          published_at: m.receivedAt,
        }));
        await trx(messages.table).insert(rows);
        const inserted = (await trx(messages.table)
          .select('id', 'query_code')
          .whereIn(
            'query_code',
            rows.map((r) => r.query_code)
          )) as Array<{ id: number; query_code: string }>;
        const siteByCode = new Map(batch.map((m) => [m.queryCode, siteIds.get(m.siteCode)]));
        await trx(messages.link).insert(
          inserted.map((r) => ({
            [messages.owner]: r.id,
            [messages.target]: siteByCode.get(r.query_code),
          }))
        );
        // Each message's first holding (持有记录): its site from receipt, ended by its reply.
        const byCode = new Map(batch.map((m) => [m.queryCode, m]));
        await trx(holdingTable).insert(
          inserted.map((r) => {
            const m = byCode.get(r.query_code)!;
            const open = ['received', 'accepted', 'transferred'].includes(m.status);
            return {
              document_id: documentId(),
              message_id: r.id,
              site_id: siteByCode.get(r.query_code),
              state: open ? 'open' : 'ended',
              started_at: m.receivedAt,
              ended_at: open ? null : (m.repliedAt ?? m.receivedAt),
              ended_by: open ? null : m.repliedAt ? 'replied' : 'invalid',
              due_at: m.dueAt,
              is_return: false,
              created_at: m.receivedAt,
              updated_at: m.repliedAt ?? m.receivedAt,
              published_at: m.receivedAt,
            };
          })
        );
      }
      messagesInserted += fresh.length;
    }

    // The year's visits per site and day, as the visit counter writes them (one row per site and day).
    const visit = strapi.db.metadata.get('plugin::governance.site-visit').tableName;
    const documentIds = new Map(
      (
        (await trx(strapi.db.metadata.get('api::site.site').tableName).select(
          'code',
          'document_id'
        )) as Array<{ code: string; document_id: string }>
      ).map((r) => [r.code, r.document_id])
    );
    const visitRows = [
      ...siteVisits(sites, facts),
      ...[...siteVisits(sites, facts, recent)].filter((v) => recent.includesDay(v.day)),
    ].map((v) => ({
      document_id: documentId(),
      site_document_id: documentIds.get(v.siteCode),
      day: v.day,
      visits: v.visits,
      created_at: now,
      updated_at: now,
      published_at: now,
    }));
    let visitDays = 0;
    for (const batch of chunks(visitRows, BATCH)) {
      const inserted = await trx(visit)
        .insert(batch)
        .onConflict(['site_document_id', 'day'])
        .ignore()
        .returning('id');
      visitDays += inserted.length;
    }

    // Each site's columns with the update rule of their kind (站群监测), as the configuration names them.
    const { columnKinds, columnReportCategories } = (
      strapi.config.get('plugin::governance') as {
        oversight: {
          columnKinds: Record<string, ColumnKind>;
          columnReportCategories: Record<string, ReportCategory>;
        };
      }
    ).oversight;
    const columnTable = strapi.db.metadata.get('plugin::governance.site-column').tableName;
    const columnRows = sites.flatMap((site) =>
      [...COLUMNS[site.level], '专题专栏'].map((name, sortOrder) => ({
        document_id: documentId(),
        site_document_id: documentIds.get(site.code),
        name,
        kind: columnKinds[name] ?? 'news',
        report_category:
          columnReportCategories[name] ?? REPORT_CATEGORY_BY_KIND[columnKinds[name] ?? 'news'],
        sort_order: sortOrder,
        created_at: now,
        updated_at: now,
        published_at: now,
      }))
    );
    let columns = 0;
    for (const batch of chunks(columnRows, BATCH)) {
      columns += (
        await trx(columnTable)
          .insert(batch)
          .onConflict(['site_document_id', 'name'])
          .ignore()
          .returning('id')
      ).length;
    }

    return {
      sites: sitesInserted,
      columns,
      articles: articlesInserted,
      drafts: drafts.length,
      messages: messagesInserted,
      visitDays,
    };
  });

  // The demo's archive years (2013, 2014) were ranked before judging existed: judging starts
  // with 2015 (the store key of the governance plugin's review/counting-upgrade.ts).
  if (report.articles > 0) {
    await strapi
      .store({ type: 'plugin', name: 'governance', key: 'counting-judge-from' })
      .set({ value: { date: '2015-01-01' } });
    if (!process.env.ARTICLE_JUDGE_FROM)
      strapi.config.set('plugin::governance.articles.judgeFrom', '2015-01-01');
  }

  // Rows inserted by SQL get their case numbers (留言编号) as the app gives them at submission.
  await strapi.plugin('governance').service('replies').numberCases();
  // And the kept figures the pages read, built from them as `npm run stats:rebuild` does.
  if (report.articles + report.drafts + report.messages > 0)
    await strapi
      .plugin('governance')
      .service('keptFigures')
      // Nobody waits on this database yet: long transactions, few commits.
      .rebuild({ onProgress: figures, sliceMs: 1000 });
  return { ...report, seconds: (Date.now() - started) / 1000 };
};
