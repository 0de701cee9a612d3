import { normalizeForMatching } from './normalize-text';
import { createScanner, hitAt, type FormList } from './sensitive-words';

/**
 * 规范表述: a form a government text must not use and the one it must (a leader's name or title
 * written wrong, a fixed political expression altered). Writing the wrong form is a serious
 * wording error (严重表述错误), which fails a national inspection outright.
 */
export interface WordingRule {
  wrong: string;
  right: string;
}

/**
 * Every wrong form of the list, looked for with the word list (sensitive-words.ts
 * `createScanner`, on the normalised text). A wrong form inside its own right form
 * is not an error: with 一带一路 → 一带一路倡议 listed the wrong way round, or 两学一做 →
 * 两学一做学习教育, the right form written out must not be reported. So right forms are
 * searched too, and a wrong form found within an occurrence of any right form is left alone.
 */
export const wordingList = (rules: WordingRule[]): FormList => {
  const wrongs = new Map<string, WordingRule>();
  const rights = new Set<string>();
  for (const rule of rules) {
    const wrong = normalizeForMatching(rule.wrong).text;
    const right = normalizeForMatching(rule.right).text;
    if (wrong === '' || wrongs.has(wrong)) continue;
    wrongs.set(wrong, rule);
    if (right.includes(wrong)) rights.add(right);
  }
  return {
    forms: [...new Set([...wrongs.keys(), ...rights])],
    hits: (matches, field, whole, { starts, ends }, offset) => {
      const covered = matches
        .filter(({ keyword }) => rights.has(keyword))
        .map(({ begin, end }) => [begin, end] as const);
      return matches
        .filter(({ keyword, begin, end }) => {
          if (!wrongs.has(keyword)) return false;
          return !covered.some(
            ([from, to]) => from <= begin && end <= to && to - from > end - begin
          );
        })
        .map(({ keyword, begin, end }) => {
          const rule = wrongs.get(keyword)!;
          return hitAt(field, whole, offset + starts[begin], offset + ends[end - 1], {
            word: rule.wrong,
            level: 'forbidden',
            kind: 'wording',
            suggestion: rule.right,
          });
        });
    },
  };
};

/** The wording check alone (the text checker shares its automaton with the word list). */
export const createWordingScanner = (rules: WordingRule[]) => createScanner([wordingList(rules)]);
