import { Converter, Locale, type DictGroup, type DictLike } from 'opencc-js';
import { normalizeForMatching } from '../normalize-text';

describe('normalizeForMatching', () => {
  it.each([
    ['a zero-width space', '绝\u200b密', '绝密'],
    ['a word joiner and a byte-order mark', '绝\u2060\ufeff密', '绝密'],
    ['a space', '绝 密', '绝密'],
    ['an ideographic space', '绝\u3000密', '绝密'],
    ['a line break and a tab', '绝\n\t密', '绝密'],
    ['a variation selector', '绝\ufe00密', '绝密'],
    ['traditional characters', '絕密', '绝密'],
    ['a Hong Kong variant', '衞生', '卫生'],
    ['full-width letters and digits', 'ＡＢＣ１２３', 'abc123'],
    ['upper case', 'ABC', 'abc'],
    ['a compatibility ideograph (U+F900, then simplified)', '\uf900', '岂'],
    ['a dot, an asterisk and a middle dot between Chinese characters', '绝.密*文·件', '绝密文件'],
    ['a full-width asterisk between Chinese characters', '绝＊密', '绝密'],
    ['a star between Chinese characters', '绝★密', '绝密'],
    ['a circle', '绝○密', '绝密'],
    ['a multiplication sign', '绝×密', '绝密'],
    ['a reference mark', '绝※密', '绝密'],
    ['a heart', '绝♥密', '绝密'],
    ['an emoji with its variation selector', '绝❤️密', '绝密'],
    ['a run of mixed marks', '绝-★-密', '绝密'],
    ['a full-width full stop (NFKC: an ASCII full stop)', '绝．密', '绝密'],
    ['everything at once', '內\u200b部 資\u3000料', '内部资料'],
  ])('removes or folds %s', (_what, text, expected) => {
    expect(normalizeForMatching(text).text).toBe(expected);
  });

  it.each([
    ['sentence punctuation between Chinese characters', '全省。长期', '全省。长期'],
    ['a comma between Chinese characters (full-width, folded to ASCII)', '全省，长期', '全省,长期'],
    ['an enumeration comma', '全省、长期', '全省、长期'],
    [
      'a semicolon, a colon, a question and an exclamation mark (full-width)',
      '甲；乙：丙？丁！戊',
      '甲;乙:丙?丁!戊',
    ],
    ['curly quotes', '拒绝“密码”', '拒绝“密码”'],
    ['corner brackets and title marks', '拒绝「密码」与《密码法》', '拒绝「密码」与《密码法》'],
    ['full-width parentheses (NFKC: ASCII ones)', '拒绝（密码）', '拒绝(密码)'],
    ['an ellipsis', '拒绝……密码', '拒绝......密码'],
    ['a dash', '拒绝——密码', '拒绝——密码'],
    ['a star beside punctuation', '绝★，密', '绝★,密'],
    ['a dot between Latin letters', 'www.gov.cn', 'www.gov.cn'],
    ['a mark beside only one Chinese character', '机密★', '机密★'],
  ])('keeps %s', (_what, text, expected) => {
    expect(normalizeForMatching(text).text).toBe(expected);
  });

  it('maps each character back to the span of the original it came from', () => {
    const { text, starts, ends } = normalizeForMatching('见絕\u200b 密件');
    expect(text).toBe('见绝密件');
    expect(starts).toEqual([0, 1, 4, 5]);
    expect(ends).toEqual([1, 2, 5, 6]);
  });

  // The fold skips a line with no character it could change: it must answer as the converter
  // would for every character and every phrase its dictionaries hold.
  it('folds as OpenCC does every Chinese character and every phrase of its dictionaries', () => {
    const simplify = Converter({ from: 'hk', to: 'cn' });
    const { normalizationChain = [], conversionChain } = Locale.configs.hk2s as {
      normalizationChain?: DictGroup[];
      conversionChain: readonly DictGroup[];
    };
    const keys = (dict: DictLike) =>
      typeof dict === 'string'
        ? dict.split('|').map((entry) => entry.split(' ')[0])
        : dict.map(([key]) => key);
    const phrases = [...normalizationChain, ...conversionChain]
      .flat()
      .flatMap(keys)
      .filter((key) => Array.from(key).length > 1);
    const characters = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) =>
      String.fromCodePoint(0x4e00 + i)
    );
    expect(phrases.length).toBeGreaterThan(500);
    const differing = [...characters, ...phrases].filter((text) => {
      const expected = simplify(text);
      return expected.length === text.length && normalizeForMatching(text).text !== expected;
    });
    expect(differing).toEqual([]);
  });

  it('composes a letter and its combining mark as written', () => {
    expect(normalizeForMatching('cafe\u0301').text).toBe(normalizeForMatching('café').text);
    expect(normalizeForMatching('cafe\u0301').ends).toEqual([1, 2, 3, 5]);
  });
});
