import contentTypes from './content-types';
import controller from './controller';
import counting from './counting';
import countingBackfill from './counting-backfill';
import routes from './routes';
import service from './service';
import sensitiveWords from './words-service';

/** Review before publishing (先审后发): the chain, the decisions, the gate and the word list. */
export default {
  contentTypes,
  controller,
  counting,
  countingBackfill,
  routes,
  service,
  sensitiveWords,
};
