import replies from './replies';

export default {
  ...replies.middlewares,
};
