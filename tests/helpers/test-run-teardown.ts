// Drops the databases this jest run made templates of (database.ts fromRunTemplate).
import { dropRunTemplates } from './database';

export default async () => {
  const run = process.env.GOVERNANCE_TEST_RUN;
  if (run) await dropRunTemplates(run);
};
