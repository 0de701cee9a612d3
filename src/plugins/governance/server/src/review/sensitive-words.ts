import AhoCorasick from 'modern-ahocorasick';
import type { WordHit, WordLevel } from '../../../shared/contracts/review';

export type { WordHit, WordLevel };

/** 错敏词: a forbidden word blocks submission; a word to check is shown to author and reviewer. */
export interface SensitiveWord {
  word: string;
  level: WordLevel;
  /** What to write instead, shown with the hit (e.g. a wrong official title and the right one). */
  suggestion?: string;
}

interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

/** The plain text of a Strapi blocks body, one line per block, as an editor reads it. */
export const blocksToText = (body: unknown): string => {
  const inline = (node: BlockNode): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(inline).join('');
  return Array.isArray(body) ? (body as BlockNode[]).map(inline).join('\n') : '';
};

/**
 * Finds every occurrence of every listed word in the given fields, in one pass per field
 * (Aho–Corasick), so a list of thousands of words costs no more than a handful.
 */
export const createWordScanner = (words: SensitiveWord[]) => {
  const entries = words.filter((w) => w.word.trim() !== '');
  const byWord = new Map(entries.map((w) => [w.word, w]));
  const matcher = entries.length > 0 ? new AhoCorasick(entries.map((w) => w.word)) : null;

  return (fields: Record<string, string>): WordHit[] => {
    if (!matcher) return [];
    return Object.entries(fields).flatMap(([field, text]) =>
      matcher.search(text).map(({ pattern, start, end }) => {
        const word = byWord.get(pattern)!;
        return {
          word: pattern,
          level: word.level,
          ...(word.suggestion ? { suggestion: word.suggestion } : {}),
          field,
          start,
          end,
          context: text.slice(Math.max(0, start - 10), end + 10),
        };
      })
    );
  };
};
