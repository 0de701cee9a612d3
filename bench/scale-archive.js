/**
 * bench/scale.js's archive: the loaded demo grown by plain SQL, as an import from an older system
 * would grow it. The demo's whole years of articles (2013 and 2014: its sites, columns, special
 * topics, texts and the days they were published on) are copied into each of the ten years
 * 2015–2024, each copy moved by whole years, until the archive holds `target` published
 * articles: each year gets a tenth of what is added, so a year looks like a real year (about
 * 89,000 articles at 1,000,000) rather than one year being many times denser. The 2014 messages
 * (all answered) are copied alongside in the same proportion, with their holdings (持有记录).
 *
 * One `INSERT … SELECT` per source year and copy, inside the database: a published article is
 * its draft row and its published row, copied together with their site links; ids are moved past
 * the largest (PostgreSQL's sequences set after), document ids, slugs and query codes suffixed.
 * Nothing of the kept figures is written: `rebuildKeptFigures` builds them afterwards.
 */
const path = require('path');
const { appDir, rowsOf, resetSequence } = require('./helpers');

const { localYearRange } = require(
  path.join(appDir, 'src/plugins/governance/dist/server/src/time/local-year.js')
);

const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const ARTICLE_SOURCE_YEARS = [2013, 2014];
const MESSAGE_SOURCE_YEAR = 2014;
/** A partial copy takes the articles (messages) whose number modulo this falls below a share. */
const PER_MILLE = 1000;

const count = async (query) => Number((await query.count({ n: '*' }))[0].n);
const maxId = async (knex, table) => Number((await knex(table).max({ id: 'id' }))[0].id ?? 0);
const isStamp = (info) => /datetime|timestamp/i.test(info.type);

/**
 * `INSERT INTO table (…) SELECT … FROM table AS src [joins] WHERE where`: every column as it is,
 * except `id` (moved by `offset`, or left to the database when `offset` is null), the columns of
 * `suffixed` (`suffix` appended), the dates (moved by `shiftMs`) and those of `replace` (SQL).
 */
const copyRows = async (knex, client, spec) => {
  const { table, info, offset, suffix, suffixed = [], shiftMs, replace = {} } = spec;
  const columns = Object.keys(info).filter((c) => c !== 'id' || offset !== null);
  const expressions = [];
  const bindings = [];
  for (const column of columns) {
    if (column === 'id') {
      expressions.push('src.id + ?');
      bindings.push(offset);
    } else if (replace[column]) {
      expressions.push(replace[column]);
    } else if (suffixed.includes(column)) {
      expressions.push('src.?? || ?');
      bindings.push(column, suffix);
    } else if (isStamp(info[column]) && shiftMs !== undefined) {
      // SQLite stores dates as epoch milliseconds.
      expressions.push(client === 'postgres' ? 'src.?? + cast(? as interval)' : 'src.?? + ?');
      bindings.push(column, client === 'postgres' ? `${shiftMs} milliseconds` : shiftMs);
    } else {
      expressions.push('src.??');
      bindings.push(column);
    }
  }
  await knex.raw(
    `insert into ?? (${columns.map(() => '??').join(', ')}) select ${expressions.join(', ')}
     from ?? as src ${spec.join ?? ''} where ${spec.where}`,
    [table, ...columns, ...bindings, table, ...(spec.joinBindings ?? []), ...spec.whereBindings]
  );
};

/**
 * Copies the rows of `owner` with ids in (from, to] into its link tables: the link rows of the
 * row `offset` below, given to the copy.
 */
const copyLinks = async (knex, client, links, { owner, offset, from, to }) => {
  for (const link of links) {
    await copyRows(knex, client, {
      table: link.table,
      info: link.info,
      offset: null,
      replace: { [link.ownerColumn]: 'o.id' },
      join: 'join ?? as o on o.id = src.?? + ?',
      joinBindings: [owner, link.ownerColumn, offset],
      where: 'o.id > ? and o.id <= ?',
      whereBindings: [from, to],
    });
  }
};

/** The link tables of a content type's relations, with their columns. */
const linkTablesOf = async (knex, strapi, uid, relations) =>
  Promise.all(
    relations.map(async (relation) => {
      const { joinTable } = strapi.db.metadata.get(uid).attributes[relation];
      return {
        table: joinTable.name,
        ownerColumn: joinTable.joinColumn.name,
        info: await knex(joinTable.name).columnInfo(),
      };
    })
  );

/** How many copies of the source each year gets: whole ones and the share (per mille) of one more. */
const copiesPerYear = (added, source) => {
  const perYear = added / YEARS.length;
  const whole = Math.floor(perYear / source);
  return { whole, share: Math.round(((perYear - whole * source) / source) * PER_MILLE) };
};

/**
 * Grows the archive to `target` published articles (and messages in proportion), logging a line
 * per year. Answers what it added and how long it took.
 */
/**
 * PostgreSQL: drops the indexes of `tables` that are neither primary keys nor unique, and answers
 * a function that makes them again. An import by SQL is done so: keeping a dozen indexes of a
 * table of tens of millions of rows up to date row by row takes several times the copy itself,
 * once they no longer fit in memory; one sort per index afterwards takes minutes.
 */
const withoutSecondaryIndexes = async (knex, client, tables, log) => {
  if (client !== 'postgres') return async () => {};
  const indexes = rowsOf(
    await knex.raw(
      `select i.indexname as name, i.indexdef as definition from pg_indexes i
       join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
       where i.schemaname = current_schema() and i.tablename = any(?)
         and not x.indisunique and not x.indisprimary`,
      [tables]
    )
  );
  for (const { name } of indexes) await knex.raw('drop index ??', [name]);
  return async () => {
    const started = Date.now();
    for (const { definition } of indexes) await knex.raw(definition);
    for (const table of tables) await knex.raw('analyze ??', [table]);
    log(
      `  ${indexes.length} indexes made again in ${((Date.now() - started) / 1000).toFixed(0)} s`
    );
  };
};

const growArchive = async (strapi, { target, timezone, log = console.log }) => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  // Table and column names as Strapi created them.
  const meta = (uid) => strapi.db.metadata.get(uid);
  const column = (uid, attribute) => meta(uid).attributes[attribute].columnName;
  const article = meta('api::article.article').tableName;
  const message = meta('api::citizen-message.citizen-message').tableName;
  const holding = meta('plugin::governance.message-holding').tableName;
  const a = (attribute) => column('api::article.article', attribute);
  const m = (attribute) => column('api::citizen-message.citizen-message', attribute);
  const holdingMessage = column('plugin::governance.message-holding', 'messageId');
  const info = {
    article: await knex(article).columnInfo(),
    message: await knex(message).columnInfo(),
    holding: await knex(holding).columnInfo(),
  };
  const articleLinks = await linkTablesOf(knex, strapi, 'api::article.article', ['site']);
  const messageLinks = await linkTablesOf(knex, strapi, 'api::citizen-message.citizen-message', [
    'site',
    'repliedBy',
  ]);
  const started = Date.now();
  const demo = {
    published: await count(knex(article).whereNotNull(a('publishedAt'))),
    lastArticleId: await maxId(knex, article),
    lastMessageId: await maxId(knex, message),
  };
  const range = (year) => localYearRange(year, timezone);
  const sourceArticles = await count(
    knex(article)
      .whereNotNull(a('publishedAt'))
      .where(a('firstPublishedAt'), '>=', range(ARTICLE_SOURCE_YEARS[0]).start)
      .where(a('firstPublishedAt'), '<', range(ARTICLE_SOURCE_YEARS.at(-1)).end)
  );
  const sourceMessages = await count(
    knex(message)
      .where(m('receivedAt'), '>=', range(MESSAGE_SOURCE_YEAR).start)
      .where(m('receivedAt'), '<', range(MESSAGE_SOURCE_YEAR).end)
  );
  const added = Math.max(0, target - demo.published);
  const { whole, share } = copiesPerYear(added, sourceArticles);
  const copies = [...Array(whole).fill(PER_MILLE), ...(share > 0 ? [share] : [])];
  log(
    `Growing the archive from ${demo.published.toLocaleString('en')} to about ${target.toLocaleString('en')} published articles: per year 2015–2024 ${whole} whole copies of the demo's 2013–2014 (${sourceArticles.toLocaleString('en')} articles, ${sourceMessages.toLocaleString('en')} messages) and ${share}‰ of one …`
  );

  // The link and holding tables keep theirs: each copy finds its source rows by them.
  const restoreIndexes = await withoutSecondaryIndexes(knex, client, [article, message], log);
  for (const year of YEARS) {
    for (const [n, perMille] of copies.entries()) {
      const suffix = `-y${year}c${n}`;
      // The published articles' rows, a draft and a published row each (the article's number
      // is (id + 1) / 2: the loader inserted them in pairs).
      for (const sourceYear of ARTICLE_SOURCE_YEARS) {
        const from = await maxId(knex, article);
        await copyRows(knex, client, {
          table: article,
          info: info.article,
          offset: from,
          suffix,
          suffixed: [a('documentId'), a('slug')],
          shiftMs: range(year).start - range(sourceYear).start,
          where: `src.?? >= ? and src.?? < ? and src.id <= ? and ((src.id + 1) / 2) % ${PER_MILLE} < ?`,
          whereBindings: [
            a('firstPublishedAt'),
            range(sourceYear).start,
            a('firstPublishedAt'),
            range(sourceYear).end,
            demo.lastArticleId,
            perMille,
          ],
        });
        const to = await maxId(knex, article);
        await copyLinks(knex, client, articleLinks, { owner: article, offset: from, from, to });
      }
      // The year's messages, their links and holdings.
      const from = await maxId(knex, message);
      const shiftMs = range(year).start - range(MESSAGE_SOURCE_YEAR).start;
      await copyRows(knex, client, {
        table: message,
        info: info.message,
        offset: from,
        suffix,
        suffixed: [m('documentId'), m('queryCode'), m('caseNumber')],
        shiftMs,
        where: `src.?? >= ? and src.?? < ? and src.id <= ? and src.id % ${PER_MILLE} < ?`,
        whereBindings: [
          m('receivedAt'),
          range(MESSAGE_SOURCE_YEAR).start,
          m('receivedAt'),
          range(MESSAGE_SOURCE_YEAR).end,
          demo.lastMessageId,
          perMille,
        ],
      });
      const to = await maxId(knex, message);
      await copyLinks(knex, client, messageLinks, { owner: message, offset: from, from, to });
      await copyRows(knex, client, {
        table: holding,
        info: info.holding,
        offset: null,
        suffix,
        suffixed: [column('plugin::governance.message-holding', 'documentId')],
        shiftMs,
        replace: { [holdingMessage]: 'o.id' },
        join: 'join ?? as o on o.id = src.?? + ?',
        joinBindings: [message, holdingMessage, from],
        where: 'o.id > ? and o.id <= ?',
        whereBindings: [from, to],
      });
    }
    log(
      `  ${year}: ${(await count(knex(article).whereNotNull(a('publishedAt')))).toLocaleString('en')} published articles (${((Date.now() - started) / 1000).toFixed(0)} s)`
    );
  }
  await restoreIndexes();
  await resetSequence(knex, client, article);
  await resetSequence(knex, client, message);

  const published = await count(knex(article).whereNotNull(a('publishedAt')));
  const perYear = rowsOf(
    await knex.raw(`select count(*) as n from ?? where ?? is not null and ?? >= ? and ?? < ?`, [
      article,
      a('publishedAt'),
      a('firstPublishedAt'),
      range(YEARS[0]).start,
      a('firstPublishedAt'),
      range(YEARS[0]).end,
    ])
  )[0].n;
  return {
    demoPublishedArticles: demo.published,
    publishedArticles: published,
    addedArticles: published - demo.published,
    articlesIn2015: Number(perYear),
    messages: await count(knex(message)),
    addedMessages: await count(knex(message).where('id', '>', demo.lastMessageId)),
    copiesPerYear: whole + share / PER_MILLE,
    seconds: +((Date.now() - started) / 1000).toFixed(1),
  };
};

module.exports = { growArchive, YEARS };
