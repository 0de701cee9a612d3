import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { imageNodesOf } from '../articles/body';
import { getService } from '../utils/get-service';
import { ARTICLE, UPLOAD_FILE } from '../uids';
import { MEDIA_ERRORS } from './messages';

/** A media library file as an article uses it. */
export interface ArticleFile {
  id: number;
  name: string;
  url: string;
  mime: string;
  ext: string | null;
  /** In KB, as the upload plugin keeps it. */
  size: number;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  folderPath: string | null;
}

const FILE_FIELDS = [
  'id',
  'name',
  'url',
  'mime',
  'ext',
  'size',
  'alternativeText',
  'width',
  'height',
  'folderPath',
];

/** An article row with its media: the cover, the attachments in order and the body. */
export interface MediaRow {
  id: number;
  documentId: string;
  body?: unknown;
  site?: { id: number } | null;
  cover?: ArticleFile | null;
  attachments?: Array<{ name: string | null; file: ArticleFile | null }> | null;
}

export const MEDIA_POPULATE = {
  cover: { select: FILE_FIELDS },
  attachments: { populate: { file: { select: FILE_FIELDS } } },
};

/** What the public API shows of an article's media: no folder, hash or provider details. */
export interface PublicMedia {
  cover: {
    url: string;
    alternativeText: string;
    width: number | null;
    height: number | null;
  } | null;
  attachments: Array<{ name: string; type: string; ext: string; size: number; url: string }>;
  images: Array<{ url: string; alternativeText: string }>;
}

const isImageNode = (node: Record<string, unknown>) =>
  typeof node.image === 'object' && node.image !== null;

/**
 * An article's images and attachments (docs/media.md): a cover image, images in the body (media
 * library files, articles/body.ts) and ordered attachments, each a named file. Every file must
 * be one of the article's site's own (media/site-folders.ts); images need an alternative text and
 * attachments a name before the article is sent to review.
 */
const articleMedia = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The library files whose own URL is one of `urls` (body images carry the file's URL). */
  const filesByUrl = async (urls: string[]) =>
    urls.length === 0
      ? []
      : ((await strapi.db.query(UPLOAD_FILE).findMany({
          where: { url: { $in: [...new Set(urls)] } },
          select: FILE_FIELDS,
        })) as ArticleFile[]);

  /**
   * Every file each of `rows` uses, each once: cover, attachments, then the body's images (one
   * query for the body images of all the rows).
   */
  const filesOfMany = async (rows: MediaRow[]) => {
    const inBodies = await filesByUrl(
      rows.flatMap((row) => imageNodesOf(row.body).map((node) => String(node.image.url)))
    );
    const byUrl = new Map(inBodies.map((file) => [file.url, file]));
    return rows.map((row) => {
      const files = [
        row.cover ?? null,
        ...(row.attachments ?? []).map((attachment) => attachment.file),
        ...imageNodesOf(row.body).map((node) => byUrl.get(String(node.image.url)) ?? null),
      ].filter((file): file is ArticleFile => file !== null && file !== undefined);
      return { row, files: [...new Map(files.map((file) => [file.id, file])).values()] };
    });
  };

  const service = {
    filesOfMany,

    /** The draft of `documentId` with its site and media, as the query engine reads it. */
    async draftWithMedia(documentId: string) {
      return (await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: null },
        select: ['id', 'documentId', 'body'],
        populate: { site: { select: ['id'] }, ...MEDIA_POPULATE },
      })) as MediaRow | null;
    },

    /**
     * Refuses (in the writing transaction) a draft that uses a file of another site, or of the
     * library's root: a site's articles show its own files only, as its staff see only those.
     */
    async assertOwnFiles(documentId: string) {
      const draft = await service.draftWithMedia(documentId);
      if (!draft?.site) return;
      const [{ files }] = await filesOfMany([draft]);
      if (files.length === 0) return;
      const own = new Set(
        (await getService(strapi, 'siteFolders').subtree([draft.site.id])).map(
          (folder) => folder.path
        )
      );
      const foreign = files.find((file) => file.folderPath === null || !own.has(file.folderPath));
      if (foreign)
        throw new errors.ValidationError(MEDIA_ERRORS.fileOfOtherSite(foreign.name), {
          file: foreign.id,
        });
    },

    /**
     * What keeps the draft from being sent to review, in Chinese: an image without its
     * alternative text (read aloud to blind readers; an inspection item), an attachment
     * without its name or its file.
     */
    async submissionProblems(documentId: string): Promise<string[]> {
      const draft = await service.draftWithMedia(documentId);
      if (!draft) return [];
      const problems: string[] = [];
      if (draft.cover && !draft.cover.alternativeText?.trim())
        problems.push(MEDIA_ERRORS.coverWithoutText(draft.cover.name));
      imageNodesOf(draft.body).forEach((node, index) => {
        const text = node.image.alternativeText;
        if (typeof text !== 'string' || !text.trim())
          problems.push(
            MEDIA_ERRORS.bodyImageWithoutText(index + 1, String(node.image.name ?? ''))
          );
      });
      (draft.attachments ?? []).forEach((attachment, index) => {
        if (!attachment.file) problems.push(MEDIA_ERRORS.attachmentWithoutFile(index + 1));
        else if (!attachment.name?.trim())
          problems.push(MEDIA_ERRORS.attachmentWithoutName(index + 1, attachment.file.name));
      });
      return problems;
    },

    /**
     * The public view of the media of published rows `ids` (the REST list and entry), by row id:
     * the cover with its text, the attachments (name, type, size in bytes, download URL) and
     * every image with its text, the cover's first.
     */
    async publicMediaOf(ids: number[]): Promise<Map<number, PublicMedia>> {
      if (ids.length === 0) return new Map();
      const rows = (await strapi.db.query(ARTICLE).findMany({
        where: { id: { $in: ids } },
        select: ['id', 'documentId', 'body'],
        populate: MEDIA_POPULATE,
      })) as MediaRow[];
      return new Map(
        rows.map((row) => {
          const cover = row.cover
            ? {
                url: row.cover.url,
                alternativeText: row.cover.alternativeText ?? '',
                width: row.cover.width,
                height: row.cover.height,
              }
            : null;
          const attachments = (row.attachments ?? []).flatMap(({ name, file }) =>
            file
              ? [
                  {
                    name: name?.trim() || file.name,
                    type: file.mime,
                    ext: (file.ext ?? '').replace(/^\./, ''),
                    size: Math.round(file.size * 1024),
                    url: file.url,
                  },
                ]
              : []
          );
          const images = [
            ...(cover ? [{ url: cover.url, alternativeText: cover.alternativeText }] : []),
            ...imageNodesOf(row.body).map((node) => ({
              url: String(node.image.url),
              alternativeText: String(node.image.alternativeText ?? ''),
            })),
          ];
          return [row.id, { cover, attachments, images }];
        })
      );
    },

    /** The body's images as the public sees them: the file's address, size and text only. */
    publicBody(body: unknown) {
      const trim = (node: unknown): unknown => {
        if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
        const record = node as Record<string, unknown>;
        if (record.type === 'image' && isImageNode(record)) {
          const image = record.image as Record<string, unknown>;
          return {
            ...record,
            image: {
              url: image.url,
              alternativeText: image.alternativeText ?? '',
              caption: image.caption ?? null,
              width: image.width ?? null,
              height: image.height ?? null,
            },
          };
        }
        return Array.isArray(record.children)
          ? { ...record, children: record.children.map(trim) }
          : record;
      };
      return Array.isArray(body) ? body.map(trim) : body;
    },
  };
  return service;
};

export default articleMedia;
