/**
 * A Redis server of the test's own, on a free port, that the test may stop and start again
 * (the machine's shared Redis stays untouched): the cluster test's starter (tests/cluster/
 * services.js), nothing kept on disk.
 */
import fs from 'fs';
import Redis from 'ioredis';
import path from 'path';
import { startRedis } from '../cluster/services';

export interface PrivateRedis {
  url: string;
  /** A client of its own, for the test to read what the application stored. */
  client(): Redis;
  /** Shuts the server down, as an outage would. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

export const startPrivateRedis = async (): Promise<PrivateRedis> => {
  // Its log, in the tests' scratch folder.
  const scratch = path.join(__dirname, '..', '..', '.tmp', 'tests');
  fs.mkdirSync(scratch, { recursive: true });
  const dir = fs.mkdtempSync(path.join(scratch, 'redis-'));
  const server = await startRedis(dir);
  return {
    url: server.url,
    client: () => new Redis(server.url),
    start: () => server.start(),
    stop: () => server.shutdown(),
  };
};
