// The application's own lifecycle stays thin: the website group's rules live in the
// `governance` plugin (src/plugins/governance).
export default {
  register() {},
  bootstrap() {},
};
