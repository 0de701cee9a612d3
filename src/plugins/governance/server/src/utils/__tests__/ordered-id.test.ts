import { orderedId } from '../ordered-id';

describe('orderedId', () => {
  it('answers ids that increase and never repeat, many in the same millisecond', () => {
    const ids = Array.from({ length: 100_000 }, orderedId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || ids[i - 1] < id)).toBe(true);
  });

  it('fits the documentId column', () => {
    expect(orderedId()).toMatch(/^[0-9a-z]{14}[0-9a-f]{8}$/);
  });
});
