import { AhoCorasick } from '@monyone/aho-corasick';
import { WORD_CONTEXT_CHARS, type WordHit, type WordLevel } from '../../../shared/contracts/review';
import { reviewedAttributes, type ComponentSchemas, type HashedSchema } from './content-hash';
import { normalizeForMatching, type NormalizedText } from './normalize-text';

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
  image?: { alternativeText?: string | null; caption?: string | null } | null;
  children?: BlockNode[];
}

/** The plain text of a Strapi blocks body, one line per block, as an editor reads it. */
export const blocksToLines = (body: unknown): string[] => {
  const inline = (node: BlockNode): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(inline).join('');
  return Array.isArray(body) ? (body as BlockNode[]).map(inline) : [];
};

/** The images of a blocks body, wherever they stand. */
const imagesOf = (nodes: unknown): NonNullable<BlockNode['image']>[] =>
  Array.isArray(nodes)
    ? (nodes as BlockNode[]).flatMap((node) => [
        ...(node?.type === 'image' && node.image ? [node.image] : []),
        ...imagesOf(node?.children),
      ])
    : [];

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'uid', 'email']);

/**
 * Every text a reader of the published article sees, by field: each string or text attribute
 * the review approves (content-hash.ts: the same list, so a field added to the schema is read
 * too), a blocks body as its lines, and the alternative text and caption of its images
 * (`body.image.alt`, `body.image.caption`, one line per image); components field by field
 * (`name.field`).
 */
export const reviewedTexts = (
  schema: HashedSchema,
  entry: unknown,
  components: ComponentSchemas,
  prefix = ''
): Record<string, string[]> => {
  const row = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
  const texts: Record<string, string[]> = {};
  // Lines as they are (a hit's position counts them), fields with no text left out.
  const add = (field: string, lines: string[]) => {
    if (lines.some((line) => line !== '')) texts[field] = [...(texts[field] ?? []), ...lines];
  };
  for (const [name, attribute] of reviewedAttributes(schema)) {
    const value = row[name];
    const field = `${prefix}${name}`;
    if (TEXT_TYPES.has(attribute.type) && typeof value === 'string') add(field, [value]);
    else if (attribute.type === 'blocks') {
      add(field, blocksToLines(value));
      const images = imagesOf(value);
      add(
        `${field}.image.alt`,
        images.map((image) => image.alternativeText ?? '')
      );
      add(
        `${field}.image.caption`,
        images.map((image) => image.caption ?? '')
      );
    } else if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
      for (const item of Array.isArray(value) ? value : value ? [value] : []) {
        const uid =
          attribute.type === 'component'
            ? attribute.component
            : (item as { __component?: string }).__component;
        if (!uid) continue;
        for (const [inner, lines] of Object.entries(
          reviewedTexts(components(uid), item, components, `${field}.`)
        ))
          add(inner, lines);
      }
    }
  }
  return texts;
};

const STRENGTH: Record<WordLevel, number> = { check: 0, forbidden: 1 };

/** A match of a listed form in a normalised line, as the automaton reports it. */
export interface FormMatch {
  keyword: string;
  begin: number;
  end: number;
}

/**
 * One list's forms to look for, and its hits among a line's matches (`matches` may hold other
 * lists' forms: a list ignores those not its own). Several lists share one automaton
 * (`createScanner`).
 */
export interface FormList {
  forms: string[];
  hits: (
    matches: FormMatch[],
    field: string,
    whole: string,
    line: NormalizedText,
    offset: number
  ) => WordHit[];
}

/**
 * The check of `lists` in the given fields: one Aho–Corasick pass per line over the normalised
 * text's UTF-16 units (normalisation has already folded what a grapheme-aware match would), for
 * all the lists' forms at once, so thousands of words cost no more than a handful. A field given
 * as lines (a body's blocks) is searched line by line: no form is found across two paragraphs.
 */
export const createScanner = (lists: FormList[]) => {
  const forms = [...new Set(lists.flatMap((list) => list.forms))];
  const matcher = forms.length > 0 ? new AhoCorasick(forms) : null;
  const scanLine: LineScan = (field, whole, line, offset) => {
    const matches = matcher!.matchInText(line.text);
    return matches.length === 0
      ? []
      : lists.flatMap((list) => list.hits(matches, field, whole, line, offset));
  };
  return (
    fields: Record<string, string | string[]>,
    normalize = normalizeForMatching
  ): WordHit[] => (matcher ? scanFieldLines(fields, scanLine, normalize) : []);
};

/**
 * 错敏词: every occurrence of every listed word. Words and text are compared in their normalised
 * form (normalize-text.ts), so 絕 密, 绝\u200b密 and 绝密 are one word; a hit reports where it
 * stands in the text as written.
 */
export const wordList = (words: SensitiveWord[]): FormList => {
  // Two listed forms of one word (绝密 and 絕密) are one entry, at the stronger level.
  const byForm = new Map<string, SensitiveWord>();
  for (const word of words) {
    const form = normalizeForMatching(word.word).text;
    const known = byForm.get(form);
    if (form !== '' && (!known || STRENGTH[word.level] > STRENGTH[known.level]))
      byForm.set(form, word);
  }
  return {
    forms: [...byForm.keys()],
    hits: (matches, field, whole, { starts, ends }, offset) =>
      matches.flatMap(({ keyword, begin, end }) => {
        const word = byForm.get(keyword);
        return word
          ? [
              hitAt(field, whole, offset + starts[begin], offset + ends[end - 1], {
                word: word.word,
                level: word.level,
                ...(word.suggestion ? { suggestion: word.suggestion } : {}),
              }),
            ]
          : [];
      }),
  };
};

/** The word check alone (the text checker shares its automaton with the wording rules). */
export const createWordScanner = (words: SensitiveWord[]) => createScanner([wordList(words)]);

/**
 * A hit at `from`–`to` of a field's whole text: the text as written there when it differs from
 * the listed word, and the context around it.
 */
export const hitAt = (
  field: string,
  whole: string,
  from: number,
  to: number,
  what: Pick<WordHit, 'word' | 'level' | 'suggestion' | 'kind'>
): WordHit => {
  const found = whole.slice(from, to);
  return {
    ...what,
    field,
    start: from,
    end: to,
    ...(found !== what.word ? { found } : {}),
    // The admin finds the word in it at min(start, WORD_CONTEXT_CHARS) to highlight it.
    context: whole.slice(Math.max(0, from - WORD_CONTEXT_CHARS), to + WORD_CONTEXT_CHARS),
  };
};

/** One line's check: its field, the field's whole text, the line normalised, its offset. */
export type LineScan = (
  field: string,
  whole: string,
  line: NormalizedText,
  offset: number
) => WordHit[];

/**
 * Each field's lines given to `scanLine` one by one (no hit spans two paragraphs), normalised
 * by `normalize` (the text checker's shares one normalisation between its checks), with the
 * field's whole text and the line's offset in it, where its hits are reported.
 */
export const scanFieldLines = (
  fields: Record<string, string | string[]>,
  scanLine: LineScan,
  normalize: (line: string) => NormalizedText = normalizeForMatching
): WordHit[] =>
  Object.entries(fields).flatMap(([field, value]) => {
    const lines = typeof value === 'string' ? [value] : value;
    const whole = lines.join('\n');
    let offset = 0;
    return lines.flatMap((line) => {
      const hits = line === '' ? [] : scanLine(field, whole, normalize(line), offset);
      offset += line.length + 1;
      return hits;
    });
  });
