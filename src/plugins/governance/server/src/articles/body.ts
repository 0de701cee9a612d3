/**
 * Article bodies are Strapi "blocks" (structured JSON, no raw HTML), so the only way to carry
 * script into a public page is a link: keep links to web addresses, mail and the site itself.
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
