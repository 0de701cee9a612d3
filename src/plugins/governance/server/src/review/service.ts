import type { Core } from '@strapi/strapi';
import { reviewAccess } from './access';
import { articleReview } from './article-review';
import { reviewPublishing } from './publishing';
import { reviewQueue } from './queue';
import { staleRounds } from './stale-rounds';
import { reviewStore } from './store';
import { reviewTransitions } from './transitions';
import { wordScan } from './word-scan';

export { ARTICLE, DECISION, STATE, WORD, type Actor } from './store';

/**
 * The review workflow (先审后发), composed of its parts: the rows (store.ts), who may do what
 * (access.ts), the acts (transitions.ts), the article's review as the caller sees it
 * (article-review.ts), the queue and the figures (queue.ts), the publish gate's checks
 * (publishing.ts) and the start-up check of rounds under an earlier hash (stale-rounds.ts).
 * The publish gate (gate.ts) asks `assertPublishable` before anything goes online.
 */
const reviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = reviewStore(strapi);
  const scan = wordScan(strapi, store.components);
  const access = reviewAccess(strapi, store);
  const transitions = reviewTransitions({ strapi, store, access, scan });
  return {
    describe: articleReview(strapi, store, access, scan),
    ...transitions,
    ...staleRounds(strapi, store, transitions.afterDraftChange),
    ...reviewPublishing(strapi, store, scan),
    ...reviewQueue(strapi),
    /** The province's lists as they are now, with their version (the content inspection's). */
    checkLists: scan.lists,
  };
};

export default reviewService;
