import { promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { errors } from '@strapi/utils';
import {
  ALLOWED_TYPES,
  CFB_TYPES,
  KIND_LABELS,
  OFD_TYPE,
  REFUSED_LABELS,
  TEXT_TYPE,
  type AllowedType,
  type FileKind,
} from './file-kinds';
import { MEDIA_ERRORS } from './messages';

/** An uploaded file as Strapi's upload service receives it (formidable's). */
export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  /** Bytes. */
  size: number;
}

/** Bytes read to judge a file: what file-type reads, and more than a browser sniffs (512). */
const HEAD_BYTES = 4100;
/** Markup a browser would run, looked for at the start of any file and anywhere in text. */
const MARKUP =
  /<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|frame|object|embed|img|meta|link|style|form|math|xml:namespace)[\s>/]|<\?php|javascript:/i;
const SNIFFED_MARKUP_BYTES = 1024;

const refuse = (message: string): never => {
  throw new errors.ValidationError(message);
};

const extensionOf = (name: string) => path.extname(name).slice(1).toLowerCase();

const readHead = async (filepath: string) => {
  const handle = await fs.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/** file-type is an ES module: loaded once, on the first upload. */
let fileTypeModule: Promise<typeof import('file-type')> | undefined;
const detect = async (head: Buffer) => {
  fileTypeModule ??= import('file-type');
  return (await fileTypeModule).fileTypeFromBuffer(head);
};

/**
 * What a ZIP package holds, by its entries: OFD, an Office Open XML or an OpenDocument file, or
 * none of them (an archive, refused).
 */
const zipType = async (filepath: string): Promise<AllowedType | null> => {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.readFile(filepath));
  } catch {
    return null;
  }
  const has = (name: string) => zip.file(name) !== null;
  const under = (folder: string) => Object.keys(zip.files).some((name) => name.startsWith(folder));
  if (has('OFD.xml')) return OFD_TYPE;
  if (has('[Content_Types].xml')) {
    if (under('word/'))
      return ALLOWED_TYPES[
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      ];
    if (under('xl/'))
      return ALLOWED_TYPES['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
    if (under('ppt/'))
      return ALLOWED_TYPES[
        'application/vnd.openxmlformats-officedocument.presentationml.presentation'
      ];
  }
  const mimetype = await zip.file('mimetype')?.async('string');
  return (mimetype && ALLOWED_TYPES[mimetype.trim()]) || null;
};

/** Text in UTF-8 or GB 18030 (what Chinese Windows writes), without NUL bytes: its characters. */
export const decodeText = (bytes: Buffer) => {
  if (bytes.includes(0)) return null;
  for (const encoding of ['utf-8', 'gb18030'])
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // the next encoding
    }
  return null;
};

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Judges one uploaded file by its content: the allowed type it is, or a ValidationError in
 * Chinese (its name, what it really is, what may be uploaded). Refused: any type not allowed
 * (SVG, HTML, archives, programs), a file whose extension is not its content's, markup at the
 * start of any file (a browser could take it for a page: an HTML-image polyglot), text with
 * markup anywhere, and a file over its kind's size limit.
 */
export const judgeFile = async (
  file: UploadedFile,
  sizeLimits: Record<FileKind, number>
): Promise<AllowedType> => {
  const name = file.originalFilename ?? file.name ?? '';
  const extension = extensionOf(name);
  const head = await readHead(file.filepath);
  if (MARKUP.test(head.subarray(0, SNIFFED_MARKUP_BYTES).toString('latin1')))
    refuse(MEDIA_ERRORS.markup(name));

  const detected = await detect(head);
  let type: AllowedType | null = null;
  if (detected?.mime === 'application/zip') type = await zipType(file.filepath);
  else if (detected) type = ALLOWED_TYPES[detected.mime] ?? null;
  else if (extension === 'txt') {
    if (file.size > sizeLimits.text)
      refuse(
        MEDIA_ERRORS.tooLarge(
          name,
          sizeText(file.size),
          KIND_LABELS.text,
          sizeText(sizeLimits.text)
        )
      );
    const text = decodeText(await fs.readFile(file.filepath));
    if (text === null) refuse(MEDIA_ERRORS.notText(name));
    if (MARKUP.test(text!)) refuse(MEDIA_ERRORS.markup(name));
    type = TEXT_TYPE;
  }
  if (!type) {
    const what = detected
      ? (REFUSED_LABELS[detected.mime] ?? `${detected.ext.toUpperCase()} 文件`)
      : head.toString('utf8').trimStart().startsWith('<')
        ? '网页或 XML 文件'
        : '无法识别的内容';
    return refuse(MEDIA_ERRORS.notAllowed(name, what));
  }
  if (!type.extensions.includes(extension))
    refuse(MEDIA_ERRORS.wrongExtension(name, type.label, extension));
  if (file.size > sizeLimits[type.kind])
    refuse(
      MEDIA_ERRORS.tooLarge(
        name,
        sizeText(file.size),
        KIND_LABELS[type.kind],
        sizeText(sizeLimits[type.kind])
      )
    );
  return detected?.mime === 'application/x-cfb'
    ? { ...type, mime: CFB_TYPES[extension] ?? type.mime }
    : type;
};

/** Photos re-encoded without their metadata (EXIF: the place it was taken, the camera). */
const REENCODED = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Makes an allowed file safe to store, in place: a photo turned upright by its orientation tag
 * and written again without EXIF, XMP or IPTC (its colour profile kept), which also drops
 * anything appended after the image. Answers the file's new size.
 */
export const cleanFile = async (file: UploadedFile, type: AllowedType) => {
  if (!REENCODED.has(type.mime)) return file.size;
  const image = sharp(file.filepath).rotate().keepIccProfile();
  const format =
    type.mime === 'image/jpeg'
      ? image.jpeg({ quality: 92 })
      : type.mime === 'image/png'
        ? image.png()
        : image.webp({ quality: 92 });
  const bytes = await format.toBuffer();
  await fs.writeFile(file.filepath, bytes);
  return bytes.length;
};
