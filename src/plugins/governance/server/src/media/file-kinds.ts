/**
 * The files a government site may publish, by what their content is (sniffed), not by their
 * name: each kind, the types that make it up and the extensions its files may carry.
 */

export const FILE_KINDS = ['image', 'pdf', 'ofd', 'office', 'text'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface AllowedType {
  kind: FileKind;
  /** The type the file is served as. */
  mime: string;
  /** Extensions (lower case, no dot) a file of this content may be named with. */
  extensions: string[];
  /** In Chinese, for messages. */
  label: string;
}

/** By the type file-type detects (`detected`); OFD and text are judged apart (file-safety.ts). */
export const ALLOWED_TYPES: Record<string, AllowedType> = {
  'image/jpeg': {
    kind: 'image',
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    label: 'JPEG 图片',
  },
  'image/png': { kind: 'image', mime: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  'image/gif': { kind: 'image', mime: 'image/gif', extensions: ['gif'], label: 'GIF 图片' },
  'image/webp': { kind: 'image', mime: 'image/webp', extensions: ['webp'], label: 'WebP 图片' },
  'application/pdf': {
    kind: 'pdf',
    mime: 'application/pdf',
    extensions: ['pdf'],
    label: 'PDF 文档',
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx', 'wps'],
    label: 'Word 文档',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx', 'et'],
    label: 'Excel 表格',
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx', 'dps'],
    label: 'PowerPoint 演示文稿',
  },
  // The older Office and WPS formats are all compound files (CFB): their extension tells which
  // (CFB_TYPES).
  'application/x-cfb': {
    kind: 'office',
    mime: 'application/octet-stream',
    extensions: ['doc', 'xls', 'ppt', 'wps', 'et', 'dps'],
    label: 'Office 或 WPS 文档',
  },
  'application/vnd.oasis.opendocument.text': {
    kind: 'office',
    mime: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    label: 'ODF 文档',
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    kind: 'office',
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'ODF 表格',
  },
  'application/vnd.oasis.opendocument.presentation': {
    kind: 'office',
    mime: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    label: 'ODF 演示文稿',
  },
};

/** The type a compound file is served as, by its extension. */
export const CFB_TYPES: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  dps: 'application/vnd.ms-powerpoint',
};

/** 版式文件 (GB/T 33190-2016): a ZIP package with `OFD.xml` at its root. */
export const OFD_TYPE: AllowedType = {
  kind: 'ofd',
  mime: 'application/ofd',
  extensions: ['ofd'],
  label: 'OFD 版式文档',
};

/** Plain text: nothing file-type knows, no NUL byte, no markup. */
export const TEXT_TYPE: AllowedType = {
  kind: 'text',
  mime: 'text/plain; charset=utf-8',
  extensions: ['txt'],
  label: '纯文本',
};

export const KIND_LABELS: Record<FileKind, string> = {
  image: '图片',
  pdf: 'PDF 文档',
  ofd: 'OFD 版式文档',
  office: 'Office 或 WPS 文档',
  text: '纯文本',
};

/** What some refused contents are, in Chinese, for the message. */
export const REFUSED_LABELS: Record<string, string> = {
  'image/svg+xml': 'SVG 矢量图',
  'text/html': 'HTML 网页',
  'application/xml': 'XML 文件',
  'application/zip': 'ZIP 压缩包',
  'application/x-rar-compressed': 'RAR 压缩包',
  'application/x-7z-compressed': '7z 压缩包',
  'application/x-msdownload': 'Windows 程序',
  'application/x-elf': '可执行程序',
  'application/x-sh': '脚本',
  'video/mp4': 'MP4 视频',
  'audio/mpeg': 'MP3 音频',
  'image/bmp': 'BMP 图片',
  'image/tiff': 'TIFF 图片',
  'image/heic': 'HEIC 图片',
};
