/**
 * Article bodies are Strapi "blocks" (structured JSON, no raw HTML), so what can carry script
 * or another site's content into a public page is a URL: a link's (cleaned here) or an
 * image's (checked against the media library by `refusedImageUrl`).
 */
// `/\host` is refused too: browsers read it as `//host`, another site.
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;

interface BlockNode {
  type?: string;
  url?: string;
  children?: BlockNode[];
  [key: string]: unknown;
}

const isNode = (value: unknown): value is BlockNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const cleanNode = (node: BlockNode): BlockNode[] => {
  const children = Array.isArray(node.children) ? node.children.flatMap(cleanChild) : undefined;
  if (node.type === 'link' && !SAFE_URL.test(String(node.url ?? '').trim())) {
    // An unsafe link keeps its text and loses its target.
    return children ?? [];
  }
  return [children ? { ...node, children } : node];
};

const cleanChild = (child: unknown): BlockNode[] => (isNode(child) ? cleanNode(child) : []);

/** The body with every unsafe link reduced to its text; anything else is left to Strapi's validator. */
export const sanitizeBody = (body: unknown): unknown =>
  Array.isArray(body) ? body.flatMap(cleanChild) : body;

/** The text a node shows, its children's texts joined. */
const textOf = (node: BlockNode): string =>
  typeof node.text === 'string'
    ? node.text
    : Array.isArray(node.children)
      ? node.children.map((child) => (isNode(child) ? textOf(child) : '')).join('')
      : '';

/** The body's links, in reading order: where each goes, and the words it is on. */
export const linksOf = (body: unknown): Array<{ url: string; text: string }> => {
  const links: Array<{ url: string; text: string }> = [];
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    if (node.type === 'link' && typeof node.url === 'string')
      links.push({ url: node.url.trim(), text: textOf(node).trim() });
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (Array.isArray(body)) body.forEach(visit);
  return links;
};

/** An image block of a body: `image` is the media library file as the editor inserted it. */
export type ImageNode = BlockNode & { image: Record<string, unknown> };

/** The body's image blocks, in reading order. */
export const imageNodesOf = (body: unknown): ImageNode[] => {
  const nodes: ImageNode[] = [];
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    if (node.type === 'image' && isNode(node.image)) nodes.push(node as ImageNode);
    if (Array.isArray(node.children)) node.children.forEach(visit);
  };
  if (Array.isArray(body)) body.forEach(visit);
  return nodes;
};

/** Every URL an image block carries: the file's, its preview's and each format's (thumbnail, small…). */
export const imageUrlsOf = (body: unknown): string[] =>
  imageNodesOf(body).flatMap(({ image: { url, previewUrl, formats } }) => {
    const formatUrls = isNode(formats)
      ? Object.values(formats).map((format) => (isNode(format) ? format.url : undefined))
      : [];
    return [url, previewUrl, ...formatUrls].filter(
      (candidate): candidate is string => typeof candidate === 'string'
    );
  });

const onAllowedHost = (url: string, hosts: string[]) => {
  try {
    const parsed = new URL(url);
    return (
      ['http:', 'https:'].includes(parsed.protocol) && hosts.includes(parsed.hostname.toLowerCase())
    );
  } catch {
    // Relative (`/uploads/…`, `//host/…`) or not a URL at all: only the library's own files may be relative.
    return false;
  }
};

/**
 * The first image URL of the body that is neither one of `libraryUrls` (the media library's
 * files) nor a web address on one of `hosts`; null when every image is allowed. `javascript:`,
 * `data:` and other sites' images are refused: the public page would run, embed or hotlink them.
 */
export const refusedImageUrl = (
  body: unknown,
  libraryUrls: Set<string>,
  hosts: string[]
): string | null =>
  imageUrlsOf(body).find((url) => !libraryUrls.has(url) && !onAllowedHost(url.trim(), hosts)) ??
  null;
