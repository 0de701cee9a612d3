/**
 * The site a write names in its `site` relation, in any of the shapes Strapi accepts:
 * a documentId, a numeric id, `{ documentId }`, `{ id }`, or `{ connect | set: [one of those] }`.
 * `undefined` means the write does not touch the relation; `null` means it removes it.
 */
export type SiteRef = { documentId: string } | { id: number };

const single = (value: unknown): SiteRef | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number' || typeof v.id === 'string') {
      return Number.isInteger(Number(v.id)) ? { id: Number(v.id) } : { documentId: String(v.id) };
    }
  }
  return undefined;
};

export const siteRefOf = (input: unknown): SiteRef | null | undefined => {
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const v = input as Record<string, unknown>;
    for (const key of ['set', 'connect'] as const) {
      if (Array.isArray(v[key])) return (v[key] as unknown[]).length === 0 ? (key === 'set' ? null : undefined) : single((v[key] as unknown[])[0]);
    }
    if (Array.isArray(v.disconnect) && v.disconnect.length > 0) return null;
    if ('disconnect' in v || 'connect' in v || 'set' in v) return undefined;
  }
  if (Array.isArray(input)) return input.length === 0 ? null : single(input[0]);
  return single(input);
};
