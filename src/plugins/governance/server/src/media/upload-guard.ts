import { createHash } from 'crypto';
import { createReadStream } from 'fs';
import type { Core } from '@strapi/strapi';
import type { GovernanceConfig } from '../config';
import { UPLOAD_FILE } from '../uids';
import { cleanFile, judgeFile, type UploadedFile } from './file-safety';

type UploadService = {
  upload(
    args: { data?: unknown; files?: UploadedFile | UploadedFile[] },
    opts?: unknown
  ): Promise<unknown>;
  replace(
    id: number | string,
    args: { data?: unknown; file?: UploadedFile },
    opts?: unknown
  ): Promise<unknown>;
};

const MB = 1024 * 1024;

/** The SHA-256 of a file's bytes, read as a stream. */
const sha256Of = async (filepath: string) => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filepath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/**
 * Every file that reaches the media library passes here first: the upload service's `upload`
 * and `replace` are what every upload route calls (the library, the Content Manager's pickers,
 * uploads from URLs, the content API). A refused file stops the whole upload before anything is
 * stored; an allowed one is stored as the type its content is, photos without their metadata,
 * and with the digest of its bytes.
 */
export const guardUploads = (strapi: Core.Strapi) => {
  const service = strapi.plugin('upload').service('upload') as UploadService;
  const limits = () => {
    const { sizeLimitsMb } = (strapi.config.get('plugin::governance') as GovernanceConfig).media;
    return Object.fromEntries(
      Object.entries(sizeLimitsMb).map(([kind, mb]) => [kind, mb * MB])
    ) as Record<keyof typeof sizeLimitsMb, number>;
  };
  /** Makes each file safe to store; answers the digests of what will be stored. */
  const makeSafe = async (files: UploadedFile[]) => {
    const types = [];
    // All judged before any is changed: one refused file refuses the upload.
    for (const file of files) types.push(await judgeFile(file, limits()));
    for (const [index, file] of files.entries()) {
      const type = types[index];
      file.size = await cleanFile(file, type);
      file.mimetype = type.mime;
      // Strapi's own sniffing (what it stores as `mime`) reads its guess before the declared one.
      (file as UploadedFile & { detectedMimeType?: string }).detectedMimeType = type.mime;
    }
    return Promise.all(files.map((file) => sha256Of(file.filepath)));
  };
  /** The stored files (as the upload service answers them, in the order given) get their digests. */
  const recordDigests = async (stored: unknown, digests: string[]) => {
    const rows = [stored].flat() as Array<{ id?: number } | undefined>;
    for (const [index, row] of rows.entries())
      if (row?.id && digests[index])
        await strapi.db
          .query(UPLOAD_FILE)
          .update({ where: { id: row.id }, data: { sha256: digests[index] } });
  };

  const { upload, replace } = service;
  service.upload = async (args, opts) => {
    const digests = await makeSafe(args.files ? [args.files].flat() : []);
    const stored = await upload.call(service, args, opts);
    await recordDigests(stored, digests);
    return stored;
  };
  service.replace = async (id, args, opts) => {
    const digests = args.file ? await makeSafe([args.file]) : [];
    const stored = await replace.call(service, id, args, opts);
    await recordDigests(stored, digests);
    return stored;
  };
};
