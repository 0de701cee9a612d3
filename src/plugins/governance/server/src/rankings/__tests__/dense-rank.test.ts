import { denseRank } from '../dense-rank';

const site = (code: string, articles: number, sortOrder = 0) => ({ code, articles, sortOrder });

describe('denseRank', () => {
  it('gives equal counts one rank and the next count the next rank', () => {
    const ranked = denseRank([site('a', 335), site('b', 336), site('c', 400), site('d', 336)]);
    expect(ranked.map((r) => [r.code, r.articles, r.rank])).toEqual([
      ['c', 400, 1],
      ['b', 336, 2],
      ['d', 336, 2],
      ['a', 335, 3],
    ]);
  });

  it('lists ties by sortOrder, then code, and sites with no article last', () => {
    const ranked = denseRank([
      site('zero', 0, 1),
      site('y', 5, 2),
      site('x', 5, 2),
      site('w', 5, 1),
    ]);
    expect(ranked.map((r) => `${r.code}:${r.rank}`)).toEqual(['w:1', 'x:1', 'y:1', 'zero:2']);
  });

  it('ranks an empty level as nothing and leaves its input alone', () => {
    expect(denseRank([])).toEqual([]);
    const input = [site('b', 1), site('a', 2)];
    denseRank(input);
    expect(input.map((s) => s.code)).toEqual(['b', 'a']);
  });
});
