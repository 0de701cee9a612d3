import { Converter, type ConverterFunction } from 'opencc-js';

/** A text as the word check reads it, and where each of its UTF-16 units came from. */
export interface NormalizedText {
  text: string;
  /** Per unit of `text`: where the original characters it came from start… */
  starts: number[];
  /** …and end (exclusive), in the original text. */
  ends: number[];
}

/**
 * Characters that separate nothing a reader sees: whitespace (including the ideographic space
 * U+3000 and line breaks), format characters such as the zero-width space and joiners (Cf),
 * control characters, and every other default-ignorable code point (variation selectors, the
 * Hangul fillers, U+034F), which render as nothing.
 */
const INVISIBLE = /^[\s\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

/**
 * Marks slipped between two Chinese characters to break a word apart (绝.密, 绝*密, 绝·密),
 * after NFKC (so full-width ＊ is *). Not the sentence punctuation of Chinese prose (，。、；：
 * ？！“”): removing those would join the end of one clause to the start of the next and find
 * words no one wrote.
 */
const FILLER = /^[.*_\-~^+#@$%&=|/\\`'"·‧•・]$/u;

const HAN = /^\p{Script=Han}$/u;
const MARK = /^\p{M}$/u;

/** The removals and foldings of one character (or of a character with its combining marks). */
const fold = (cluster: string): string[] => {
  const visible = Array.from(cluster)
    .filter((char) => !INVISIBLE.test(char))
    .join('');
  // NFKC can itself produce a space (U+3000 → U+0020).
  return Array.from(visible.normalize('NFKC').toLowerCase()).filter(
    (char) => !INVISIBLE.test(char)
  );
};

interface CharInfo {
  /** A combining mark, folded with the character before it (e + ◌́ → é). */
  mark: boolean;
  filler: boolean;
  han: boolean;
  folded: string[];
}

// Per-character regular expressions are most of the cost on a long body: each character is
// classified once. The characters met in practice are a few thousand; the memos are bounded
// against crafted text.
const MEMO_LIMIT = 50_000;
const infos = new Map<number, CharInfo>();
const infoOf = (codePoint: number): CharInfo => {
  let info = infos.get(codePoint);
  if (!info) {
    const char = String.fromCodePoint(codePoint);
    info = {
      mark: MARK.test(char),
      filler: FILLER.test(char),
      han: HAN.test(char),
      folded: fold(char),
    };
    if (infos.size >= MEMO_LIMIT) infos.clear();
    infos.set(codePoint, info);
  }
  return info;
};
const clusters = new Map<string, string[]>();
const foldCluster = (cluster: string) => {
  let folded = clusters.get(cluster);
  if (!folded) {
    folded = fold(cluster);
    if (clusters.size >= MEMO_LIMIT) clusters.clear();
    clusters.set(cluster, folded);
  }
  return folded;
};

const width = (codePoint: number) => (codePoint > 0xffff ? 2 : 1);

let simplify: ConverterFunction | null = null;
/** Traditional and Hong Kong/Taiwan variant characters to simplified (絕 → 绝, 衞 → 卫). */
const toSimplified = (text: string) => {
  // Built on first use: loading the dictionaries costs about 20 ms.
  simplify ??= Converter({ from: 'hk', to: 'cn' });
  const whole = simplify(text);
  if (whole.length === text.length) return whole;
  // A phrase that changed length would shift every later offset: fold character by character.
  return Array.from(text, (char) => {
    const folded = simplify!(char);
    return folded.length === char.length ? folded : char;
  }).join('');
};

/**
 * The form in which a listed word and an article's text are compared, so that the ways of
 * writing a word that a reader still reads as that word match it: Unicode NFKC (full-width
 * ＡＢＣ and compatibility ideographs to their plain forms), lower case, invisible characters
 * and spaces removed, filler marks between Chinese characters removed, traditional characters
 * folded to simplified. Each unit of the result keeps the span of the original it came from, so
 * a hit is reported where the author wrote it.
 */
export const normalizeForMatching = (original: string): NormalizedText => {
  // One entry per code point of the result, with the span of the original it came from.
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; ) {
    const start = i;
    const first = original.codePointAt(i)!;
    i += width(first);
    while (i < original.length && infoOf(original.codePointAt(i)!).mark)
      i += width(original.codePointAt(i)!);
    const folded =
      i - start === width(first) ? infoOf(first).folded : foldCluster(original.slice(start, i));
    for (const char of folded) {
      chars.push(char);
      from.push(start);
      to.push(i);
    }
  }

  const info = (k: number) => infoOf(chars[k].codePointAt(0)!);
  const text: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < chars.length; k += 1) {
    if (info(k).filler) {
      let before = k - 1;
      while (before >= 0 && info(before).filler) before -= 1;
      let after = k + 1;
      while (after < chars.length && info(after).filler) after += 1;
      if (before >= 0 && after < chars.length && info(before).han && info(after).han) continue;
    }
    text.push(chars[k]);
    // One span per UTF-16 unit, so indices into the string and into the spans agree.
    for (let unit = 0; unit < chars[k].length; unit += 1) {
      starts.push(from[k]);
      ends.push(to[k]);
    }
  }
  return { text: toSimplified(text.join('')), starts, ends };
};
