import type { Core } from '@strapi/strapi';
import type { SubmissionEvent, SubmissionEventType } from '../../../shared/contracts/submissions';
import { personLabel, type AuditActor } from '../audit/sentence';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import type { SubmissionRow } from './records';
import { ARTICLE, SUBMISSION } from '../uids';

/** What a publication state change means for a submission, from the side of the article. */
const EVENT: Record<'source' | 'copy', Record<'on' | 'off', SubmissionEventType>> = {
  source: { on: 'sourceRestored', off: 'sourceWithdrawn' },
  copy: { on: 'adoptionRestored', off: 'adoptionWithdrawn' },
};

const byNameOf = (actor: AuditActor) =>
  actor === 'system' ? '系统' : 'name' in actor ? actor.name : personLabel(actor, null);

/**
 * 报送 and 采用 follow the articles they stand for. A submission counts as 报送 while its source
 * is published, and as 采用 while the receiving site's copy is published too: the flags the
 * ranking's grouped query reads are kept on the submission, changed in the same transaction as
 * the publication, unpublication or deletion (every path meets the Document Service middleware),
 * each change recorded on the submission as an event with who and when, and on the audit trail.
 */
export const followArticles = (strapi: Core.Strapi) => {
  /** Whether the document has a published row now (none once deleted), and whether it exists. */
  const stateOf = async (documentId: string) => {
    const rows = (await strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId }, select: ['publishedAt'] })) as Array<{
      publishedAt: unknown;
    }>;
    return { published: rows.some((row) => row.publishedAt), exists: rows.length > 0 };
  };

  const change = async (
    side: 'source' | 'copy',
    rows: SubmissionRow[],
    published: boolean,
    how: SubmissionEvent['how'],
    actor: AuditActor
  ) => {
    const field = side === 'source' ? 'sourcePublished' : 'copyPublished';
    const at = new Date();
    for (const row of rows) {
      if (row[field] === published) continue;
      // The copy's first publication is not a restoration: nothing was counted before it.
      const firstCopy =
        side === 'copy' &&
        published &&
        !(row.events ?? []).some((event) => event.type === 'adoptionWithdrawn');
      const type: SubmissionEventType = firstCopy
        ? 'copyPublished'
        : EVENT[side][published ? 'on' : 'off'];
      const event: SubmissionEvent = { type, how, at: at.toISOString(), byName: byNameOf(actor) };
      await strapi.db.query(SUBMISSION).update({
        where: { id: row.id },
        data: { [field]: published, events: [...(row.events ?? []), event] },
      });
      if (type === 'copyPublished') continue;
      await getService(strapi, 'audit').record(`submission.${type}`, {
        subject: `submission ${row.id}`,
        summary: EVENT_SUMMARY[type](row.title, how),
        details: { submission: row.id, how },
        actor,
      });
    }
  };

  return {
    /**
     * After a write that may have published, unpublished or deleted `documentId`: the
     * submissions it is the source or the adopted copy of take its state. A handful of rows.
     */
    async follow(documentId: string, actor: AuditActor) {
      const [asSource, asCopy] = (await Promise.all([
        strapi.db.query(SUBMISSION).findMany({ where: { sourceArticleDocumentId: documentId } }),
        strapi.db.query(SUBMISSION).findMany({
          where: { adoptedArticleDocumentId: documentId, status: 'adopted' },
        }),
      ])) as [SubmissionRow[], SubmissionRow[]];
      if (asSource.length === 0 && asCopy.length === 0) return;
      const { published, exists } = await stateOf(documentId);
      const how = published ? 'published' : exists ? 'unpublished' : 'deleted';
      await change(
        'source',
        asSource.filter((row) => row.status !== 'withdrawn'),
        published,
        how,
        actor
      );
      await change('copy', asCopy, published, how, actor);
    },

    /**
     * Submissions recorded before the flags existed (null): set from the articles as they are,
     * in two statements, once; later boots find nothing to do.
     */
    async followAllOnce() {
      const submission = dbNames(strapi, SUBMISSION);
      const article = dbNames(strapi, ARTICLE);
      const db = strapi.db.connection;
      const publishedArticle = (column: string) =>
        db.raw(
          `exists (select 1 from ?? as a where a.document_id = ?? and a.published_at is not null)`,
          [article.table, `${submission.table}.${submission.column(column)}`]
        );
      const source = await db(submission.table)
        .whereNull(submission.column('sourcePublished'))
        .update({
          [submission.column('sourcePublished')]: publishedArticle('sourceArticleDocumentId'),
        });
      const copy = await db(submission.table)
        .whereNull(submission.column('copyPublished'))
        .update({
          [submission.column('copyPublished')]: publishedArticle('adoptedArticleDocumentId'),
        });
      return Number(source) + Number(copy);
    },
  };
};

const HOW = { published: '发布', unpublished: '撤销发布', deleted: '删除' } as const;

const EVENT_SUMMARY: Record<
  Exclude<SubmissionEventType, 'copyPublished'>,
  (title: string, how: SubmissionEvent['how']) => string
> = {
  adoptionWithdrawn: (title, how) => `${HOW[how]}采用稿《${title}》，该报送不再计为采用`,
  adoptionRestored: (title) => `重新发布采用稿《${title}》，该报送恢复计为采用`,
  sourceWithdrawn: (title, how) => `${HOW[how]}报送原稿《${title}》，该报送不再计为报送`,
  sourceRestored: (title) => `重新发布报送原稿《${title}》，该报送恢复计为报送`,
};
