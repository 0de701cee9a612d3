import path from 'path';
import type { Core } from '@strapi/strapi';
import type { WordHit } from '../../../shared/contracts/review';
import { MAX_TEXT_CHARS, textKindOf, type TextKind } from '../media/file-text';
import { runInWorker } from '../utils/worker-task';
import type { CheckLists } from './text-checker';
import { linksOf } from '../articles/body';
import { UPLOAD_FILE } from '../uids';

/** The field of an attachment's text in word hits; the hit's `file` names the attachment. */
export const ATTACHMENT_FIELD = 'attachments.file';

/** How long the worker may read and check one submission's attachments. */
const TIMEOUT_MS = 60_000;

export interface AttachmentScanJob {
  field: string;
  lists: CheckLists;
  files: Array<{ path: string; kind: TextKind }>;
}

export type AttachmentScanResult = { hits: WordHit[]; cut: boolean } | { failed: string };

/** An attachment as the check reads it: its display name and its library file. */
export interface ScannedAttachment {
  name: string;
  file: { id: number; url: string; mime: string; sha256?: string | null; updatedAt?: unknown };
}

/** An article row's attachments that have a file, in order, as the attachment check reads them. */
export const attachmentsOf = (row: object): ScannedAttachment[] =>
  (
    ((row as { attachments?: unknown }).attachments ?? []) as Array<{
      name?: string | null;
      file?: ScannedAttachment['file'] | null;
    }>
  )
    .filter((attachment) => attachment.file)
    .map((attachment) => ({
      name: attachment.name?.trim() || String((attachment.file as { name?: string }).name ?? ''),
      file: attachment.file!,
    }));

/** The media library path (`/uploads/…`) a body's link goes to, or null for any other link. */
const libraryPathOf = (url: string) =>
  /^\/uploads\/[^/?#]+$/.test(url.split(/[?#]/)[0]) ? url.split(/[?#]/)[0] : null;

/** The library files a body links to (a 下载 link to a PDF instead of an attachment), by path. */
export const linkedFilePaths = (body: unknown) =>
  linksOf(body).flatMap((link) => {
    const filePath = libraryPathOf(link.url);
    return filePath ? [{ path: filePath, text: link.text }] : [];
  });

/**
 * For each row, the library files its body links to, as the attachment check reads them (named
 * by the link's words, else the file's name), without those it also attaches: read and checked
 * like its attachments. One query for all rows.
 */
export const linkedFilesOf = async (
  strapi: Core.Strapi,
  rows: object[]
): Promise<ScannedAttachment[][]> => {
  const linked = rows.map((row) => linkedFilePaths((row as { body?: unknown }).body));
  const paths = [...new Set(linked.flat().map((link) => link.path))];
  if (paths.length === 0) return rows.map(() => []);
  const files = new Map(
    (
      (await strapi.db.query(UPLOAD_FILE).findMany({
        where: { url: { $in: paths } },
        select: ['id', 'name', 'url', 'mime', 'updatedAt'],
      })) as Array<ScannedAttachment['file'] & { name: string }>
    ).map((file) => [file.url, file])
  );
  return rows.map((row, index) => {
    const attached = new Set(attachmentsOf(row).map((attachment) => attachment.file.id));
    const seen = new Set<number>();
    return linked[index].flatMap(({ path: filePath, text }) => {
      const file = files.get(filePath);
      if (!file || attached.has(file.id) || seen.has(file.id)) return [];
      seen.add(file.id);
      return [{ name: text || file.name, file }];
    });
  });
};

/** A note to the author and reviewers that part of an attachment was not checked, and why. */
const note = (file: string, context: string): WordHit => ({
  word: '未自动检查',
  level: 'check',
  kind: 'unread',
  field: ATTACHMENT_FIELD,
  file,
  start: 0,
  end: 0,
  context,
});

/**
 * The text check (text-checker.ts) of an article's attachments (PDF, DOCX, XLSX
 * and plain text), in a worker thread: reading a long PDF would otherwise hold every other
 * request. Each hit names its attachment; an attachment whose text cannot be read (another
 * format, damaged or encrypted, too long) gets a note instead, so reviewers read it themselves.
 */
export const scanAttachments = async (
  strapi: Core.Strapi,
  attachments: ScannedAttachment[],
  lists: CheckLists
): Promise<WordHit[]> => {
  const publicDir = path.resolve(strapi.dirs.static.public);
  // What each attachment gives, in the attachments' order.
  const found: WordHit[][] = attachments.map(() => []);
  const readable: Array<{ index: number; path: string; kind: TextKind }> = [];
  attachments.forEach(({ name, file }, index) => {
    if (file.mime.startsWith('image/')) return;
    const kind = textKindOf(file.mime);
    const filePath = path.resolve(publicDir, `.${file.url}`);
    if (kind && filePath.startsWith(`${publicDir}${path.sep}`))
      readable.push({ index, path: filePath, kind });
    else
      found[index].push(note(name, '这种格式的文件无法自动读取文字，请审核人打开附件人工审读。'));
  });
  if (readable.length > 0) {
    let results: AttachmentScanResult[];
    try {
      const job: AttachmentScanJob = {
        field: ATTACHMENT_FIELD,
        lists,
        files: readable.map(({ path: filePath, kind }) => ({ path: filePath, kind })),
      };
      results = await runInWorker<AttachmentScanResult[]>(
        path.join(__dirname, 'attachment-scan-worker.js'),
        job,
        TIMEOUT_MS
      );
    } catch (error) {
      strapi.log.warn(`governance: attachment check failed: ${(error as Error).message}`);
      results = readable.map(() => ({ failed: 'worker' }));
    }
    results.forEach((result, i) => {
      const { index } = readable[i];
      const { name } = attachments[index];
      if ('failed' in result)
        found[index].push(
          note(
            name,
            result.failed === 'worker'
              ? '读取附件文字超时或出错，未能自动检查，请审核人人工审读。'
              : '附件无法打开（可能已损坏或加了密码），未能自动检查，请审核人人工审读。'
          )
        );
      else
        found[index].push(
          ...result.hits.map((hit) => ({ ...hit, file: name })),
          ...(result.cut
            ? [
                note(
                  name,
                  `附件文字超过 ${MAX_TEXT_CHARS / 10000} 万字，只自动检查了前 ${MAX_TEXT_CHARS / 10000} 万字，其余请人工审读。`
                ),
              ]
            : [])
        );
    });
  }
  return found.flat();
};
