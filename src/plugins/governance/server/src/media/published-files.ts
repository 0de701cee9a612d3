import type { Core } from '@strapi/strapi';
import { yieldToEventLoop } from '../utils/yield';
import { getService } from '../utils/get-service';
import { ARTICLE, PUBLISHED_FILE } from '../uids';
import { MEDIA_POPULATE, type MediaRow } from './article-media';

/** Published articles read per batch of the start-up build. */
const BATCH = 200;
/** The plugin store key marking that the uses were built from the articles online. */
const BUILT_KEY = 'published-files';

/**
 * Which published article uses which media library file (`governance_published_files`): a file
 * answers the public at its URL while at least one does (media/file-gate.ts). Kept in the
 * transaction that publishes, unpublishes or deletes an article, from what went online: its
 * cover, its attachments and the images of its body.
 */
const publishedFiles = ({ strapi }: { strapi: Core.Strapi }) => {
  const uses = () => strapi.db.query(PUBLISHED_FILE);

  /** Replaces the uses of the articles `rows` (their published rows; none for one offline). */
  const write = async (documentIds: string[], rows: MediaRow[]) => {
    const media = getService(strapi, 'articleMedia');
    await uses().deleteMany({ where: { articleDocumentId: { $in: documentIds } } });
    const data = (await media.filesOfMany(rows)).flatMap(({ row, files }) =>
      files.map((file) => ({ fileId: file.id, articleDocumentId: row.documentId }))
    );
    if (data.length > 0) await uses().createMany({ data });
  };

  const publishedRows = (where: Record<string, unknown>, limit?: number) =>
    strapi.db.query(ARTICLE).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'body'],
      populate: MEDIA_POPULATE,
      orderBy: { id: 'asc' },
      ...(limit ? { limit } : {}),
    }) as Promise<MediaRow[]>;

  const service = {
    /** The uses of `documentId` as it is online now: after a publish, unpublish or delete. */
    async refresh(documentId: string) {
      await write([documentId], await publishedRows({ documentId }));
    },

    /** Whether a published article uses the file `fileId`: one look-up by index. */
    async isPublic(fileId: number) {
      return (await uses().count({ where: { fileId } })) > 0;
    },

    /**
     * At start-up, once: the uses of every article online, for an installation upgraded from a
     * version without them (its body images). In batches, each its own transaction.
     */
    async buildIfNeeded() {
      const store = strapi.store({ type: 'plugin', name: 'governance', key: BUILT_KEY });
      if (((await store.get({})) as { version?: number } | null)?.version === 1) return;
      let cursor = 0;
      for (;;) {
        const rows = await publishedRows({ id: { $gt: cursor } }, BATCH);
        if (rows.length === 0) break;
        await strapi.db.transaction(() => write([...new Set(rows.map((r) => r.documentId))], rows));
        cursor = rows.at(-1)!.id;
        await yieldToEventLoop();
      }
      await store.set({ value: { version: 1 } });
    },
  };
  return service;
};

export default publishedFiles;
