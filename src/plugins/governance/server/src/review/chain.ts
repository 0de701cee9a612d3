import { STEP_CAPACITIES, type StepCapacity } from '../../../shared/contracts/review';

export { STEP_CAPACITIES, type StepCapacity };

/**
 * The review chain (审核流程): the steps an article passes before it may be published, per
 * site level. Each step is taken by members of the article's site in one capacity.
 * Default: 初审 by the site leader → 保密审查 by a reviewer → 终审 by an approver.
 */

export const STEP_NAMES: Record<StepCapacity, string> = {
  leader: '初审',
  reviewer: '保密审查',
  approver: '终审',
};

export const LEVELS = ['portal', 'department', 'city', 'county'] as const;
export type Level = (typeof LEVELS)[number];

export interface ReviewChainConfig {
  /** The chain for every level without its own. */
  default: StepCapacity[];
  /** A province may shorten (or lengthen) the chain for some levels. */
  levels?: Partial<Record<Level, StepCapacity[]>>;
}

export const DEFAULT_CHAIN: ReviewChainConfig = { default: ['leader', 'reviewer', 'approver'] };

const describe = (value: unknown) => JSON.stringify(value);

const checkChain = (chain: unknown, where: string) => {
  if (!Array.isArray(chain) || chain.length === 0) {
    throw new Error(
      `${where} must be a non-empty list of steps (${STEP_CAPACITIES.join(', ')}); got ${describe(chain)}.`
    );
  }
  for (const step of chain) {
    if (!(STEP_CAPACITIES as readonly string[]).includes(step)) {
      throw new Error(
        `${where}: unknown step ${describe(step)}; steps are ${STEP_CAPACITIES.join(', ')}.`
      );
    }
  }
  if (new Set(chain).size !== chain.length)
    throw new Error(`${where}: a step appears twice in ${describe(chain)}.`);
  // 保密审查 may never be skipped: it is the confidentiality check the law requires.
  if (!chain.includes('reviewer'))
    throw new Error(`${where} must include the confidentiality review step "reviewer".`);
};

/** Stops the boot on a chain that cannot be followed, with a message saying what to fix. */
export const validateReviewChains = (config: unknown): void => {
  if (typeof config !== 'object' || config === null)
    throw new Error(`governance.review must be an object; got ${describe(config)}.`);
  const { default: fallback, levels = {} } = config as ReviewChainConfig;
  checkChain(fallback, 'governance.review.default');
  for (const [level, chain] of Object.entries(levels)) {
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new Error(
        `governance.review.levels: unknown site level ${describe(level)}; levels are ${LEVELS.join(', ')}.`
      );
    }
    checkChain(chain, `governance.review.levels.${level}`);
  }
};

/** The steps an article of a site at `level` passes, in order. */
export const chainFor = (config: ReviewChainConfig, level: Level): StepCapacity[] =>
  config.levels?.[level] ?? config.default;
