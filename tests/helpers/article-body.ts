/**
 * Article bodies as the Content Manager's blocks editor writes them, and the media library files
 * their images point at.
 */
import type { TestApp } from './strapi';

/** A body of one paragraph of `text`. */
export const paragraph = (text: string) => [
  { type: 'paragraph' as const, children: [{ type: 'text' as const, text }] },
];

/** The folder path of the media library folder of the site `siteDocumentId`. */
/** A body of one paragraph: `before`, then a link to `url` on the words `text`. */
export const paragraphWithLink = (before: string, url: string, text: string) => [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: before },
      { type: 'link', url, children: [{ type: 'text', text }] },
      { type: 'text', text: '' },
    ],
  },
];

export const siteFolderPath = async (app: TestApp, siteDocumentId: string) => {
  const site = await app.strapi.db
    .query('api::site.site')
    .findOne({ where: { documentId: siteDocumentId }, select: ['id'] });
  const roots = await app.strapi.plugin('governance').service('siteFolders').roots([site.id]);
  return roots.get(site.id).path as string;
};

/**
 * A 1×1 PNG in the media library, as an upload leaves it (without writing one to disk): in the
 * folder of the site `site` (a document id), or at the library's root.
 */
export const libraryFile = async (
  app: TestApp,
  name: string,
  hash: string,
  {
    formats,
    site,
    alternativeText,
  }: { formats?: object; site?: string; alternativeText?: string } = {}
) =>
  app.strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash,
      ext: '.png',
      mime: 'image/png',
      size: 0.07,
      width: 1,
      height: 1,
      url: `/uploads/${hash}.png`,
      provider: 'local',
      folderPath: site ? await siteFolderPath(app, site) : '/',
      ...(alternativeText ? { alternativeText } : {}),
      ...(formats ? { formats } : {}),
    },
  });

/** An image block pointing at `url`, with the file's details the editor copies into it. */
export const imageBlock = (image: {
  url: string;
  name: string;
  hash: string;
  alternativeText: string;
  caption: string | null;
  formats?: Record<string, object> | null;
}) => ({
  type: 'image',
  image: {
    name: image.name,
    alternativeText: image.alternativeText,
    caption: image.caption,
    url: image.url,
    previewUrl: null,
    formats: image.formats ?? null,
    width: 1,
    height: 1,
    hash: image.hash,
    ext: '.png',
    mime: 'image/png',
    size: 0.07,
    provider: 'local',
    provider_metadata: null,
    createdAt: '2026-12-04T00:00:00.000Z',
    updatedAt: '2026-12-04T00:00:00.000Z',
  },
  children: [{ type: 'text', text: '' }],
});
