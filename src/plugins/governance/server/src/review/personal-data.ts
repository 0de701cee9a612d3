import type { WordHit } from '../../../shared/contracts/review';
import { normalizeForMatching } from './normalize-text';
import { hitAt, scanFieldLines } from './sensitive-words';

/** Weights of the first 17 digits of a resident ID number, and the check character (GB 11643). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

const validIdNumber = (id: string) => {
  const birth = new Date(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}T00:00:00Z`);
  if (Number.isNaN(birth.getTime()) || birth.getUTCDate() !== Number(id.slice(12, 14)))
    return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
};

/** The Luhn check every bank card number passes. */
const luhn = (digits: string) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
};

interface Finder {
  pattern: RegExp;
  accepts: (digits: string) => boolean;
  hit: Pick<WordHit, 'word' | 'level' | 'suggestion'>;
}

/**
 * Personal data that must not go online unmasked (个人信息保护法; a veto item of the national
 * inspections): resident ID numbers (a valid date of birth and check character) block the
 * submission; mobile and bank card numbers (the Luhn check) are shown to the author and the
 * reviewers, since an office's own contact number is published on purpose. Numbers are read in
 * the text as the word check reads it (full-width digits, spaces dropped), a masked number
 * (6101**********1234) is not one.
 */
const FINDERS: Finder[] = [
  {
    pattern: /(?<![0-9a-z])[1-9]\d{5}(?:18|19|20)\d{2}[01]\d[0-3]\d\d{3}[\dx](?![0-9a-z])/g,
    accepts: validIdNumber,
    hit: {
      word: '身份证号码',
      level: 'forbidden',
      suggestion: '隐去中间的出生日期等数字后再送审，如 610102********1234',
    },
  },
  {
    pattern: /(?<![0-9a-z])(?:[3-6]\d{15,18})(?![0-9a-z])/g,
    accepts: luhn,
    hit: { word: '银行卡号', level: 'check', suggestion: '除收款账户等必须公开的外，隐去中间数字' },
  },
  {
    pattern: /(?<![0-9a-z])1[3-9]\d-?\d{4}-?\d{4}(?![0-9a-z])/g,
    accepts: () => true,
    hit: {
      word: '手机号码',
      level: 'check',
      suggestion: '个人手机号应隐去中间四位，如 138****5678；单位公开的联系电话可保留',
    },
  },
];

/**
 * Finds the personal data in the given fields (sensitive-words.ts reads an article's fields the
 * same way), each number reported once, by the first finder that accepts it.
 */
export const scanPersonalData = (
  fields: Record<string, string | string[]>,
  normalize = normalizeForMatching
): WordHit[] =>
  scanFieldLines(
    fields,
    (field, whole, { text, starts, ends }, offset) => {
      const taken: Array<[number, number]> = [];
      const hits: WordHit[] = [];
      for (const { pattern, accepts, hit } of FINDERS)
        for (const match of text.matchAll(pattern)) {
          const start = match.index;
          const end = start + match[0].length;
          if (taken.some(([from, to]) => start < to && end > from)) continue;
          if (!accepts(match[0].replace(/-/g, ''))) continue;
          taken.push([start, end]);
          hits.push(
            hitAt(field, whole, offset + starts[start], offset + ends[end - 1], {
              ...hit,
              kind: 'personalData',
            })
          );
        }
      return hits.sort((a, b) => a.start - b.start);
    },
    normalize
  );
