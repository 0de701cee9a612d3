import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GovernanceConfig } from '../config';
import { requestActor } from '../audit/request-actor';
import { documentIdOf } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { imageNodesOf, imageUrlsOf, refusedImageUrl, sanitizeBody } from './body';
import { ERRORS } from './messages';
import { ARTICLE, UPLOAD_FILE } from '../uids';

type Params = { data?: Record<string, unknown>; documentId?: string; status?: string };

/**
 * The media library files among `urls`, by each URL they answer to: the file's own, its
 * preview's and its formats'. One query by URL for the handful of images a body holds.
 */
const libraryFiles = async (strapi: Core.Strapi, urls: string[]) => {
  const files = (await strapi.db.query(UPLOAD_FILE).findMany({
    where: { url: { $in: [...new Set(urls)] } },
    select: ['url', 'previewUrl', 'formats', 'alternativeText'],
  })) as Array<{
    url: string;
    previewUrl: string | null;
    formats: Record<string, { url?: string }> | null;
    alternativeText: string | null;
  }>;
  return new Map(
    files.flatMap((file) =>
      [file.url, file.previewUrl, ...Object.values(file.formats ?? {}).map((f) => f?.url)]
        .filter((url): url is string => typeof url === 'string')
        .map((url) => [url, file] as const)
    )
  );
};

/**
 * Drops server-set fields (a forged publication date is a veto item in national inspections;
 * the review state is the review service's) and makes the body safe: unsafe links lose their
 * target, and an image that is not the media library's own file (nor on a configured host) is
 * refused with its URL. Refused, not dropped: the editor must know the picture will not appear.
 */
const cleanInput = async (strapi: Core.Strapi, data: Record<string, unknown>) => {
  const {
    firstPublishedAt: _date,
    reviewStatus: _review,
    // Whether it counts is judged by the server on publication (review/counting.ts).
    simhash: _simhash,
    simBand0: _band0,
    simBand1: _band1,
    simBand2: _band2,
    simBand3: _band3,
    countExclusion: _exclusion,
    duplicateOf: _original,
    duplicateDistance: _distance,
    countJudgedAt: _judgedAt,
    textOnlineSince: _textSince,
    textOnlineHash: _textHash,
    // Derived from the site link after every write (sites/site-key.ts).
    siteKey: _siteKey,
    ...rest
  } = data;
  // A column is a name from the site's list (checked after the write): no stray spaces, and an
  // empty one is none.
  if (typeof rest.column === 'string') rest.column = rest.column.trim() || null;
  if (!('body' in rest)) return rest;
  const body = sanitizeBody(rest.body);
  const urls = imageUrlsOf(body);
  if (urls.length > 0) {
    const { articles } = strapi.config.get('plugin::governance') as GovernanceConfig;
    const files = await libraryFiles(strapi, urls);
    const refused = refusedImageUrl(body, new Set(files.keys()), articles.imageHosts);
    if (refused !== null)
      throw new errors.ValidationError(ERRORS.imageNotAllowed(refused), { url: refused });
    // The blocks editor cannot edit an image's text: the library's is taken when it has none.
    for (const { image } of imageNodesOf(body)) {
      const text = files.get(String(image.url))?.alternativeText;
      if (!String(image.alternativeText ?? '').trim() && text) image.alternativeText = text;
    }
  }
  return { ...rest, body };
};

/**
 * Stamps `firstPublishedAt` on every row (draft and published) of a document that has a
 * published version and no stamp yet. Stamping the draft too is what keeps the date on a
 * republish: Strapi's publish() recreates the published row from the draft.
 */
const stampFirstPublication = async (strapi: Core.Strapi, documentId: string) => {
  const query = strapi.db.query(ARTICLE);
  const published = await query.findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['publishedAt'],
    orderBy: { publishedAt: 'asc' },
  });
  if (!published) return null;

  const existing = await query.findOne({
    where: { documentId, firstPublishedAt: { $notNull: true } },
    select: ['firstPublishedAt'],
  });
  if (existing) return existing.firstPublishedAt as Date;

  // The publication just made; for a document published before this rule existed, its
  // publication date rather than today, which would move it into another year.
  const stamp = new Date(published.publishedAt);
  await query.updateMany({ where: { documentId }, data: { firstPublishedAt: stamp } });
  return stamp;
};

/** Puts the stamp into what the Document Service returns, so callers see the stored value. */
const withStamp = (result: unknown, stamp: Date | null) => {
  if (!stamp || !result || typeof result !== 'object') return;
  const entries = 'entries' in result && Array.isArray(result.entries) ? result.entries : [result];
  for (const entry of entries) {
    if (entry && typeof entry === 'object' && !entry.firstPublishedAt)
      entry.firstPublishedAt = stamp;
  }
};

/** Publications and withdrawals go on the audit trail, with the article's title. */
const auditPublication = async (
  strapi: Core.Strapi,
  action: 'article.publish' | 'article.unpublish',
  params: Params,
  result: unknown
) => {
  const documentId = documentIdOf(result, params);
  if (!documentId) return;
  const article = (await strapi.db.query(ARTICLE).findOne({
    where: { documentId },
    select: ['title'],
    populate: { site: { select: ['name'] } },
  })) as { title: string; site: { name: string } | null } | null;
  const site = article?.site ? `（${article.site.name}）` : '';
  await getService(strapi, 'audit').record(action, {
    subject: `article ${documentId}`,
    summary: `${action === 'article.publish' ? '发布' : '撤销发布'}《${article?.title ?? '已删除的文章'}》${site}`,
    actor: requestActor(strapi),
  });
};

/**
 * One Document Service middleware for the article rules every write path must obey:
 * server-set dates, safe bodies, columns its site has set up (oversight/columns.ts), and the
 * first publication date set once.
 * Strapi's create/update with `status: 'published'` call publish internally without passing
 * through middlewares again, so the stamp is applied after any action that can publish.
 */
export const articleRules =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE) return next();

    const params = context.params as Params;
    if (['create', 'update', 'clone'].includes(context.action) && params.data) {
      params.data = await cleanInput(strapi, params.data);
    }
    if (context.action === 'clone') {
      // A copy is a new article: it counts from its own first publication and needs its own
      // review, and its text is dated from its own publication, not the cloned article's.
      params.data = {
        ...params.data,
        firstPublishedAt: null,
        reviewStatus: 'draft',
        textOnlineSince: null,
        textOnlineHash: null,
      };
    }

    const counting = getService(strapi, 'articleCounting');
    if (context.action === 'unpublish' || context.action === 'delete') {
      return strapi.db.transaction(async () => {
        // First, before any row is held: judgements are one at a time (review/counting.ts).
        await counting.lock();
        const result = await next();
        if (context.action === 'unpublish')
          await auditPublication(strapi, 'article.unpublish', params, result);
        const documentId = documentIdOf(result, params);
        if (documentId) {
          // Out of the kept figures (figures/); a publication enters them when judged.
          await getService(strapi, 'publicationFigures').refresh([documentId]);
          // Its files stop answering the public unless another published article uses them.
          await getService(strapi, 'publishedFiles').refresh(documentId);
          // Copies of an article gone offline are copies of nothing online: judged again.
          await counting.rejudgeCopiesOf(documentId);
          // What the content inspection found in it is no longer online.
          await getService(strapi, 'contentInspection').offline(documentId);
        }
        return result;
      });
    }
    if (!['create', 'update', 'clone', 'publish'].includes(context.action)) return next();
    // Whether the write may have filed the article under a column its site does not have.
    const filesIt =
      ['create', 'clone'].includes(context.action) ||
      (context.action === 'update' &&
        params.data !== undefined &&
        ('column' in params.data || 'site' in params.data));

    // Whether it may now use a file of another site (media/article-media.ts).
    const usesFiles =
      ['create', 'clone'].includes(context.action) ||
      (context.action === 'update' &&
        params.data !== undefined &&
        ['cover', 'attachments', 'body', 'site'].some((field) => field in params.data!));

    const publishes =
      context.action === 'publish' || (params as { status?: string }).status === 'published';
    return strapi.db.transaction(async () => {
      if (publishes) await counting.lock();
      const result = await next();
      const documentId = documentIdOf(result, params);
      if (documentId && filesIt)
        await getService(strapi, 'siteColumns').assertArticleColumn(documentId);
      if (documentId && usesFiles)
        await getService(strapi, 'articleMedia').assertOwnFiles(documentId);
      if (documentId) withStamp(result, await stampFirstPublication(strapi, documentId));
      if (documentId && publishes) {
        // Whether it counts in the ranking, from what went online, and what it makes copies.
        await counting.judge(documentId);
        // Its files answer the public from now on (media/file-gate.ts).
        await getService(strapi, 'publishedFiles').refresh(documentId);
        await auditPublication(strapi, 'article.publish', params, result);
      }
      return result;
    });
  };
