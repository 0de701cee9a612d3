import type { Core } from '@strapi/strapi';
import type { GovernanceConfig } from '../config';
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

/**
 * Every file that reaches the media library passes here first: the upload service's `upload`
 * and `replace` are what every upload route calls (the library, the Content Manager's pickers,
 * uploads from URLs, the content API). A refused file stops the whole upload before anything is
 * stored; an allowed one is stored as the type its content is, photos without their metadata.
 */
export const guardUploads = (strapi: Core.Strapi) => {
  const service = strapi.plugin('upload').service('upload') as UploadService;
  const limits = () => {
    const { sizeLimitsMb } = (strapi.config.get('plugin::governance') as GovernanceConfig).media;
    return Object.fromEntries(
      Object.entries(sizeLimitsMb).map(([kind, mb]) => [kind, mb * MB])
    ) as Record<keyof typeof sizeLimitsMb, number>;
  };
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
  };

  const { upload, replace } = service;
  service.upload = async (args, opts) => {
    await makeSafe(args.files ? [args.files].flat() : []);
    return upload.call(service, args, opts);
  };
  service.replace = async (id, args, opts) => {
    if (args.file) await makeSafe([args.file]);
    return replace.call(service, id, args, opts);
  };
};
