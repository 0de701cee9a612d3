import { randomBytes } from 'crypto';

/** This process's mark: ids made at the same moment by two instances still differ. */
const PROCESS = randomBytes(4).toString('hex');
let lastMs = 0;
let sequence = 0;

/**
 * A `documentId` for bookkeeping rows written by the hundred thousand (the inspection's records
 * and links), never documents of their own: increasing, so each insert lands at the end of the
 * table's document index instead of at a random page of it, as a random id does (at a million
 * records a random id's insert reads and rewrites a page the cache no longer holds). A cuid2,
 * Strapi's own, is both random and slow to derive.
 */
export const orderedId = () => {
  // Never back: a clock set back would otherwise repeat an id made earlier in that millisecond.
  const now = Math.max(Date.now(), lastMs);
  sequence = now === lastMs ? sequence + 1 : 0;
  lastMs = now;
  return `${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(5, '0')}${PROCESS}`;
};
