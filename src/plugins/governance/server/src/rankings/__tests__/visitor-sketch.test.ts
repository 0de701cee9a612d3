import { createHmac } from 'crypto';
import {
  addToSketch,
  emptySketch,
  estimateSketch,
  mergeSketch,
  sketchFromText,
  sketchToText,
  SKETCH_REGISTERS,
} from '../visitor-sketch';

const KEY = 'a secret of the year';
const hashOf = (visitor: string) => createHmac('sha256', KEY).update(visitor).digest();
const sketchOf = (visitors: Iterable<string>) => {
  const sketch = emptySketch();
  for (const visitor of visitors) addToSketch(sketch, hashOf(visitor));
  return sketch;
};
const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `visitor ${from + i}`);
/** Within the sketch's error: 1.6% standard, three of them. */
const near = (estimate: number, exact: number) =>
  expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);

describe('the visitor sketch', () => {
  it('counts none, one, and a few nearly exactly (two may share a register)', () => {
    expect(estimateSketch(emptySketch())).toBe(0);
    expect(estimateSketch(sketchOf(['只一位']))).toBe(1);
    expect(Math.abs(estimateSketch(sketchOf(range(0, 100))) - 100)).toBeLessThanOrEqual(2);
  });

  it('counts a visitor who comes back once', () => {
    const visitors = range(0, 1000);
    expect(estimateSketch(sketchOf([...visitors, ...visitors, ...visitors]))).toBe(
      estimateSketch(sketchOf(visitors))
    );
  });

  it.each([5_000, 50_000, 500_000])('estimates %i visitors within its error', (n) => {
    near(estimateSketch(sketchOf(range(0, n))), n);
  });

  it('merges into the distinct count of both, not their sum', () => {
    // Two days (or two instances) sharing 20,000 of their visitors.
    const monday = sketchOf(range(0, 60_000));
    const tuesday = sketchOf(range(40_000, 100_000));
    near(estimateSketch(mergeSketch(monday, tuesday)), 100_000);
    // Merging again changes nothing.
    const before = sketchToText(monday);
    mergeSketch(monday, tuesday);
    expect(sketchToText(monday)).toBe(before);
  });

  it('is stored as text and read back the same; anything else reads as empty', () => {
    const sketch = sketchOf(range(0, 3000));
    expect(sketchFromText(sketchToText(sketch))).toEqual(sketch);
    expect(sketchToText(sketch)).toHaveLength(Math.ceil(SKETCH_REGISTERS / 3) * 4);
    expect(estimateSketch(sketchFromText(null))).toBe(0);
    expect(estimateSketch(sketchFromText('not a sketch'))).toBe(0);
  });

  it('keeps no hash: only each register’s longest run of zeros', () => {
    const sketch = sketchOf(range(0, 10));
    expect(Math.max(...sketch)).toBeLessThanOrEqual(53);
    expect(sketch.filter((register) => register > 0).length).toBeLessThanOrEqual(10);
  });
});
