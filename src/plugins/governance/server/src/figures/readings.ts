import type { Core } from '@strapi/strapi';
import { SITE, SITE_VISIT, SUBMISSION } from '../uids';

/** How long a reading is served again when nothing on this instance changed its figures. */
export const READING_TTL_MS = 10_000;

interface Reading {
  /** The changes seen when it was begun. */
  changes: number;
  begunAt: number;
  value: Promise<unknown>;
}

/**
 * Readings of the figures served again for a short while. The province's ranking is the same for
 * every office that opens it, and at 9:00 every office opens it: each reading is about twenty
 * queries of the database's time. A reading is served again for `READING_TTL_MS` unless this
 * instance changed a figure first (`changed`, called by every writer of what the rankings count:
 * at the write and again at its commit, so a reading begun in between is not kept); a change
 * made on another instance shows within that time. Asks of the same reading while it is being
 * computed share the computation.
 */
const figureReadings = ({ strapi }: { strapi: Core.Strapi }) => {
  let changes = 0;
  const readings = new Map<string, Reading>();

  const service = {
    /** Something the readings count changed; inside a transaction, again once it commits. */
    async changed() {
      changes += 1;
      if (strapi.db.inTransaction())
        await strapi.db.transaction(async ({ onCommit }) => {
          onCommit(() => {
            changes += 1;
          });
        });
    },

    /** The reading `key`: served again while fresh, computed by `compute` otherwise. */
    read<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const kept = readings.get(key);
      if (kept && kept.changes === changes && Date.now() - kept.begunAt < READING_TTL_MS)
        return kept.value as Promise<T>;
      const reading: Reading = { changes, begunAt: Date.now(), value: compute() };
      readings.set(key, reading);
      // A failed reading is not served again.
      reading.value.catch(() => {
        if (readings.get(key) === reading) readings.delete(key);
      });
      return reading.value as Promise<T>;
    },

    /**
     * Sites (names, levels, order, open or closed) and submissions are written through Strapi's
     * query engine: their lifecycles say so (visits too, when a test or a script writes them so).
     * The kept figures, the counted visits and their judgements are written by plain SQL, and
     * their writers call `changed` themselves.
     */
    subscribe() {
      const after = () => service.changed();
      strapi.db.lifecycles.subscribe({
        models: [SITE, SITE_VISIT, SUBMISSION],
        afterCreate: after,
        afterCreateMany: after,
        afterUpdate: after,
        afterUpdateMany: after,
        afterDelete: after,
        afterDeleteMany: after,
      });
    },
  };
  return service;
};

export default figureReadings;
