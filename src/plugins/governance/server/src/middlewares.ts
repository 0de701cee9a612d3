import media from './media';
import replies from './replies';
import { publicErrors } from './public-access/error-messages';
import { dependencyUnavailable } from './utils/unavailable';

export default {
  ...replies.middlewares,
  // Global (config/middlewares.ts): a dependency that is away answers 503, on every route.
  'dependency-unavailable': dependencyUnavailable,
  // Global (config/middlewares.ts): the public API answers its errors in Chinese.
  'public-errors': publicErrors,
  // Global (config/middlewares.ts): a file answers the public while a published article uses it.
  ...media.middlewares,
};
