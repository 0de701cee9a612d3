import overview from './overview';
import review from './review';
import sites from './sites';

export default {
  overview: overview.service,
  sites: sites.service,
  review: review.service,
  sensitiveWords: review.sensitiveWords,
};
