import AhoCorasick from 'modern-ahocorasick';
import type { WordHit, WordLevel } from '../../../shared/contracts/review';
import { normalizeForMatching } from './normalize-text';

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
export const blocksToLines = (body: unknown): string[] => {
  const inline = (node: BlockNode): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(inline).join('');
  return Array.isArray(body) ? (body as BlockNode[]).map(inline) : [];
};

const STRENGTH: Record<WordLevel, number> = { check: 0, forbidden: 1 };

/**
 * Finds every occurrence of every listed word in the given fields, in one pass per field
 * (Aho–Corasick), so a list of thousands of words costs no more than a handful. Words and text
 * are compared in their normalised form (normalize-text.ts), so 絕 密, 绝\u200b密 and 绝密 are
 * one word; a hit reports where it stands in the text as written. A field given as lines (a
 * body's blocks) is searched line by line: no word is found across two paragraphs.
 */
export const createWordScanner = (words: SensitiveWord[]) => {
  // Two listed forms of one word (绝密 and 絕密) are one entry, at the stronger level.
  const byForm = new Map<string, SensitiveWord>();
  for (const word of words) {
    const form = normalizeForMatching(word.word).text;
    const known = byForm.get(form);
    if (form !== '' && (!known || STRENGTH[word.level] > STRENGTH[known.level]))
      byForm.set(form, word);
  }
  const matcher = byForm.size > 0 ? new AhoCorasick([...byForm.keys()]) : null;

  const scanLine = (field: string, whole: string, line: string, offset: number): WordHit[] => {
    const { text, starts, ends } = normalizeForMatching(line);
    return matcher!.search(text).map(({ pattern, start, end }) => {
      const word = byForm.get(pattern)!;
      const from = offset + starts[start];
      const to = offset + ends[end - 1];
      const found = whole.slice(from, to);
      return {
        word: word.word,
        level: word.level,
        ...(word.suggestion ? { suggestion: word.suggestion } : {}),
        field,
        start: from,
        end: to,
        ...(found !== word.word ? { found } : {}),
        context: whole.slice(Math.max(0, from - 10), to + 10),
      };
    });
  };

  return (fields: Record<string, string | string[]>): WordHit[] => {
    if (!matcher) return [];
    return Object.entries(fields).flatMap(([field, value]) => {
      const lines = typeof value === 'string' ? [value] : value;
      const whole = lines.join('\n');
      let offset = 0;
      return lines.flatMap((line) => {
        const hits = scanLine(field, whole, line, offset);
        offset += line.length + 1;
        return hits;
      });
    });
  };
};
