// Names this jest run, so the servers of its test files share one loaded demo (see server.ts).
// Both Strapi projects list it; the second call keeps the first name.
const { randomBytes } = require('crypto');

module.exports = async () => {
  process.env.GOVERNANCE_TEST_RUN ??= randomBytes(4).toString('hex');
};
