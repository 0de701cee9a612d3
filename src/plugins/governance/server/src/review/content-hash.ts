import { createHash } from 'crypto';
import { stringify } from 'safe-stable-stringify';

/** The fields a review approves: any change to one of them voids the approval. */
export const REVIEWED_FIELDS = ['title', 'summary', 'body', 'column', 'isSpecialTopic', 'site'] as const;

interface ArticleDraft {
  title?: unknown;
  summary?: unknown;
  body?: unknown;
  column?: unknown;
  isSpecialTopic?: unknown;
  site?: { documentId?: string } | string | null;
}

/**
 * A SHA-256 of exactly what reviewers approved, in a canonical form (sorted keys, so the
 * database's key order cannot change it). Missing and empty values hash alike, so saving an
 * untouched form does not void an approval.
 */
export const contentHash = (article: ArticleDraft): string => {
  const site = typeof article.site === 'string' ? article.site : article.site?.documentId ?? null;
  const canonical = {
    title: article.title ?? null,
    summary: article.summary || null,
    body: article.body ?? null,
    column: article.column || null,
    isSpecialTopic: Boolean(article.isSpecialTopic),
    site,
  };
  return createHash('sha256').update(stringify(canonical) ?? '').digest('hex');
};
