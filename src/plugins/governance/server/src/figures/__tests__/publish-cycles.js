/**
 * Run in another Strapi instance by kept-figures-instances.int.test.ts (through
 * tests/helpers/second-instance-runner.js): takes its articles offline and puts them back online,
 * `rounds` times, through the Document Service as the Content Manager does. Answers how many of
 * each succeeded and the errors met (another instance may be publishing the same article).
 */
const ARTICLE = 'api::article.article';

module.exports = async (strapi, { documentIds, rounds }) => {
  const done = { unpublished: 0, published: 0, errors: [] };
  for (let round = 0; round < rounds; round += 1)
    for (const documentId of documentIds)
      for (const action of ['unpublish', 'publish'])
        try {
          await strapi.documents(ARTICLE)[action]({ documentId });
          done[`${action}ed`] += 1;
        } catch (error) {
          done.errors.push(`${action} ${documentId}: ${error.message}`);
        }
  return done;
};
