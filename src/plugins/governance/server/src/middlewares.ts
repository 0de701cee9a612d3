import replies from './replies';
import { dependencyUnavailable } from './utils/unavailable';

export default {
  ...replies.middlewares,
  // Global (config/middlewares.ts): a dependency that is away answers 503, on every route.
  'dependency-unavailable': dependencyUnavailable,
};
