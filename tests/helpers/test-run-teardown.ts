// Drops the demo template of this jest run (see server.ts).
import { dropDemoTemplates } from './database';

export default async () => {
  const run = process.env.GOVERNANCE_TEST_RUN;
  if (run) await dropDemoTemplates(run);
};
