import { chainFor, DEFAULT_CHAIN, validateReviewChains } from '../chain';

describe('review chains', () => {
  it('defaults to 初审 → 保密审查 → 终审 for every level', () => {
    validateReviewChains(DEFAULT_CHAIN);
    expect(chainFor(DEFAULT_CHAIN, 'county')).toEqual(['leader', 'reviewer', 'approver']);
  });

  it('lets a province shorten the chain of a level', () => {
    const config = {
      default: DEFAULT_CHAIN.default,
      levels: { county: ['reviewer', 'approver'] as const },
    };
    validateReviewChains(config);
    expect(chainFor({ ...config, levels: { county: ['reviewer', 'approver'] } }, 'county')).toEqual(
      ['reviewer', 'approver']
    );
    expect(chainFor({ ...config, levels: { county: ['reviewer', 'approver'] } }, 'city')).toEqual(
      DEFAULT_CHAIN.default
    );
  });

  it.each([
    [{ default: [] }, /non-empty list/],
    [{ default: ['leader', 'boss'] }, /unknown step "boss"/],
    [{ default: ['reviewer', 'reviewer'] }, /appears twice/],
    [{ default: ['leader', 'approver'] }, /confidentiality review step/],
    [{ default: ['reviewer'], levels: { town: ['reviewer'] } }, /unknown site level "town"/],
    [{ default: ['reviewer'], levels: { county: ['approver'] } }, /levels\.county must include/],
    [null, /must be an object/],
  ])('stops the boot on %j', (config, message) => {
    expect(() => validateReviewChains(config)).toThrow(message);
  });
});
