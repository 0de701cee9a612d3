import contentTypes from './content-types';
import controller from './controller';
import counting from './counting';
import linkHostRules from './link-host-rules-service';
import countingBackfill from './counting-backfill';
import routes from './routes';
import service from './service';
import wordingRules from './wording-rules-service';
import sensitiveWords from './words-service';

/** Review before publishing (先审后发): the chain, the decisions, the gate, the word list, the 规范表述 list and the 外链名单. */
export default {
  contentTypes,
  controller,
  counting,
  countingBackfill,
  linkHostRules,
  routes,
  service,
  sensitiveWords,
  wordingRules,
};
