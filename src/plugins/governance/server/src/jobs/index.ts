import jobLease from './content-types/job-lease/schema.json';

/** Scheduled jobs: a lease row per job, so that one instance of several runs it. */
export default {
  contentTypes: { 'job-lease': { schema: jobLease } },
};
