import {
  Converter,
  Locale,
  type ConverterFunction,
  type DictGroup,
  type DictLike,
} from 'opencc-js';

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
 * Marks slipped between two Chinese characters to break a word apart: any symbol or punctuation
 * character (绝.密, 绝*密, 绝·密, 绝★密, 绝○密, 绝×密, 绝※密, 绝♥密, an emoji), judged after NFKC
 * (so full-width ＊ is *). Not the marks that separate phrases in Chinese prose, where two
 * characters on either side belong to different phrases and removing the mark would find words
 * no one wrote (拒绝“密码”): clause and sentence punctuation (，。、；：？！ and, after NFKC, their
 * ASCII forms), quotes and brackets of every kind (“”‘’「」《》（）【】, Unicode's opening,
 * closing and quote classes), the ellipsis (……) and the dash (——). The ASCII full stop stays a
 * filler: Chinese prose ends a sentence with 。, so 绝.密 is a dodge.
 */
const CLAUSE = /^[,。、;:?!]$/u;
const PAIRED = /^[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]$/u;
/** Checked before NFKC, which turns the ellipsis into three full stops. */
const PHRASE_MARKS = /^[…‥⋯—―⸺]$/u;
const SYMBOL = /^[\p{S}\p{P}]$/u;

const isFiller = (char: string, folded: string[]) =>
  !PHRASE_MARKS.test(char) &&
  folded.length > 0 &&
  folded.every((unit) => SYMBOL.test(unit) && !CLAUSE.test(unit) && !PAIRED.test(unit));

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
  /** A filler mark (by the character as written): removed between two Chinese characters. */
  filler: boolean;
  han: boolean;
  /** Whether the traditional-to-simplified fold may change it (`convertible`). */
  convertible: boolean;
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
    const folded = fold(char);
    info = {
      mark: MARK.test(char),
      filler: isFiller(char, folded),
      han: HAN.test(char),
      convertible: convertible().has(char),
      folded,
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

/** The dictionaries of the fold (`Converter({ from: 'hk', to: 'cn' })`, OpenCC's hk2s). */
const { normalizationChain = [], conversionChain } = Locale.configs!.hk2s as {
  normalizationChain?: DictGroup[];
  conversionChain: readonly DictGroup[];
};
const FOLD = [...normalizationChain, ...conversionChain];

let convertibleChars: Set<string> | null = null;
/**
 * The characters the fold may change: those of an entry that is not its own replacement, where
 * it differs from it (all of the entry's when the replacement is longer or shorter). A text
 * with none of them matches no entry that changes anything, in any of the dictionaries, so the
 * fold would return it as it is: most lines of a simplified-Chinese site skip it (it is about
 * two fifths of the normalisation's time).
 */
const convertible = () => {
  if (convertibleChars) return convertibleChars;
  const chars = new Set<string>();
  const entries = (dict: DictLike) =>
    typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
  for (const group of FOLD)
    for (const dict of group)
      for (const [from, to] of entries(dict)) {
        const a = Array.from(from);
        const b = Array.from(to ?? from);
        if (a.length !== b.length) a.forEach((char) => chars.add(char));
        else a.forEach((char, i) => char !== b[i] && chars.add(char));
      }
  convertibleChars = chars;
  return chars;
};

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
  // Whether the character written there was a filler mark, with its combining marks if any.
  const filler: boolean[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length;) {
    const start = i;
    const first = original.codePointAt(i)!;
    i += width(first);
    while (i < original.length && infoOf(original.codePointAt(i)!).mark)
      i += width(original.codePointAt(i)!);
    const folded =
      i - start === width(first) ? infoOf(first).folded : foldCluster(original.slice(start, i));
    const isFillerThere = infoOf(first).filler;
    for (const char of folded) {
      chars.push(char);
      filler.push(isFillerThere);
      from.push(start);
      to.push(i);
    }
  }

  const han = (k: number) => infoOf(chars[k].codePointAt(0)!).han;
  let convert = false;
  const text: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < chars.length; k += 1) {
    if (filler[k]) {
      let before = k - 1;
      while (before >= 0 && filler[before]) before -= 1;
      let after = k + 1;
      while (after < chars.length && filler[after]) after += 1;
      if (before >= 0 && after < chars.length && han(before) && han(after)) continue;
    }
    text.push(chars[k]);
    convert ||= infoOf(chars[k].codePointAt(0)!).convertible;
    // One span per UTF-16 unit, so indices into the string and into the spans agree.
    for (let unit = 0; unit < chars[k].length; unit += 1) {
      starts.push(from[k]);
      ends.push(to[k]);
    }
  }
  const joined = text.join('');
  return { text: convert ? toSimplified(joined) : joined, starts, ends };
};
