import { normalizeForMatching } from './normalize-text';

/**
 * Near-duplicate detection for articles: a 64-bit SimHash (Charikar) over the article's text in
 * the form the word check reads it (normalize-text.ts: full-width, traditional, invisible and
 * filler characters folded away), letters and digits only, its features the overlapping
 * two-character shingles (a Chinese word is mostly two characters). Two texts whose hashes
 * differ in at most `DUPLICATE_DISTANCE` bits are near-copies. The hash is kept as 16 hex digits
 * and as four 16-bit bands: two hashes within 3 bits agree on at least one band, so candidates
 * are found by an index on each band, never by reading the archive.
 *
 * No SimHash package on npm is both maintained and small enough to prefer over these lines.
 */

/** Hashes within this many bits of each other are near-copies (at most 3: see the bands). */
export const DUPLICATE_DISTANCE = 3;

export const BAND_COUNT = 4;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The text's letters and digits after normalisation: what a reader would call its wording. */
export const wording = (text: string): string =>
  Array.from(normalizeForMatching(text).text)
    .filter((char) => LETTER_OR_DIGIT.test(char))
    .join('');

/** How many characters of wording a text has (code points, so 𠀀 is one). */
export const wordingLength = (text: string): number => Array.from(wording(text)).length;

/** MurmurHash3's 32-bit mix of a string, with a seed: two seeds make the 64 bits. */
const murmur32 = (key: string, seed: number): number => {
  let h = seed >>> 0;
  for (let i = 0; i < key.length; i += 1) {
    let k = key.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= key.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

const hex32 = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

/**
 * The SimHash of a text's wording, as 16 hex digits; null when the text has no two characters of
 * wording (nothing to compare: such an article is trivial anyway).
 */
export const simhash = (text: string): string | null => {
  const chars = Array.from(wording(text));
  if (chars.length < 2) return null;
  const weights = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const shingle = chars[i] + chars[i + 1];
    weights.set(shingle, (weights.get(shingle) ?? 0) + 1);
  }
  const sums = new Array<number>(64).fill(0);
  for (const [shingle, weight] of weights) {
    const halves = [murmur32(shingle, 0x9747b28c), murmur32(shingle, 0x2f6b0a3d)];
    for (let half = 0; half < 2; half += 1) {
      for (let bit = 0; bit < 32; bit += 1)
        sums[half * 32 + bit] += (halves[half] >>> bit) & 1 ? weight : -weight;
    }
  }
  const word = (half: number) => {
    let value = 0;
    for (let bit = 0; bit < 32; bit += 1) if (sums[half * 32 + bit] > 0) value |= 1 << bit;
    return value >>> 0;
  };
  return hex32(word(1)) + hex32(word(0));
};

/** The four 16-bit bands of a hash, high to low, for the indexed lookup. */
export const bandsOf = (hash: string): number[] =>
  Array.from({ length: BAND_COUNT }, (_, band) =>
    Number.parseInt(hash.slice(band * 4, band * 4 + 4), 16)
  );

const bitCount = (value: number) => {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

/** How many bits two hashes differ in. */
export const hammingDistance = (a: string, b: string): number =>
  bitCount(Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) +
  bitCount(Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16));
