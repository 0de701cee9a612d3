import contentTypes from './content-types';
import controller from './controller';
import counting from './counting';
import countingBackfill from './counting-backfill';
import routes from './routes';
import service from './service';
import wordingRules from './wording-rules-service';
import sensitiveWords from './words-service';

/** Review before publishing (先审后发): the chain, the decisions, the gate, the word list and the 规范表述 list. */
export default {
  contentTypes,
  controller,
  counting,
  countingBackfill,
  routes,
  service,
  sensitiveWords,
  wordingRules,
};
