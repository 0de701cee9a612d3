/** Serious wording errors (wording-rules.ts): the wrong forms found, the right ones left alone. */
import { createWordingScanner } from '../wording-rules';

const RULES = [
  { wrong: '一带一路战略', right: '一带一路倡议' },
  { wrong: '两学一做', right: '两学一做学习教育' },
  { wrong: '中华人民共合国', right: '中华人民共和国' },
];

const found = (text: string | string[], rules = RULES) =>
  createWordingScanner(rules)({ body: text }).map((hit) => [
    hit.word,
    hit.suggestion,
    hit.found ?? hit.word,
  ]);

describe('serious wording errors', () => {
  it('finds a wrong form, blocking, with the right form as the suggestion and where it stands', () => {
    const [hit] = createWordingScanner(RULES)({ body: '推进一带一路战略实施。' });
    expect(hit).toMatchObject({
      word: '一带一路战略',
      level: 'forbidden',
      kind: 'wording',
      suggestion: '一带一路倡议',
      field: 'body',
      start: 2,
      end: 8,
      context: '推进一带一路战略实施。',
    });
  });

  it('reads the text as the word check does: spaces, full-width forms and traditional characters', () => {
    expect(found('《中华 人民共合国宪法》')).toEqual([
      ['中华人民共合国', '中华人民共和国', '中华 人民共合国'],
    ]);
    expect(found('一帶一路戰略')).toEqual([['一带一路战略', '一带一路倡议', '一帶一路戰略']]);
  });

  it('leaves a wrong form alone inside the right form written out, and finds it elsewhere', () => {
    expect(found('深入开展两学一做学习教育')).toEqual([]);
    expect(found(['开展两学一做学习教育', '两学一做常态化'])).toEqual([
      ['两学一做', '两学一做学习教育', '两学一做'],
    ]);
  });

  it('finds every occurrence, in every field, and nothing with an empty list', () => {
    const scan = createWordingScanner(RULES);
    expect(
      scan({ title: '一带一路战略', body: ['中华人民共合国', '又是一带一路战略'] }).map((hit) => [
        hit.field,
        hit.start,
      ])
    ).toEqual([
      ['title', 0],
      ['body', 0],
      ['body', 10],
    ]);
    expect(createWordingScanner([])({ body: '一带一路战略' })).toEqual([]);
  });
});
