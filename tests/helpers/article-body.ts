/**
 * Article bodies as the Content Manager's blocks editor writes them, and the media library files
 * their images point at.
 */
import type { TestApp } from './strapi';

/** A body of one paragraph of `text`. */
export const paragraph = (text: string) => [
  { type: 'paragraph' as const, children: [{ type: 'text' as const, text }] },
];

/** A 1×1 PNG in the media library, as an upload leaves it (without writing one to disk). */
export const libraryFile = (app: TestApp, name: string, hash: string, formats?: object) =>
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
