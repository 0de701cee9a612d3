import linkHostRule from './link-host-rule/schema.json';
import reviewDecision from './review-decision/schema.json';
import reviewState from './review-state/schema.json';
import sensitiveWord from './sensitive-word/schema.json';
import wordingRule from './wording-rule/schema.json';

export default {
  'review-state': { schema: reviewState },
  'review-decision': { schema: reviewDecision },
  'sensitive-word': { schema: sensitiveWord },
  'wording-rule': { schema: wordingRule },
  'link-host-rule': { schema: linkHostRule },
};
