import type { Core } from '@strapi/strapi';
import { createHmac, randomBytes } from 'crypto';
import { createId } from '@paralleldrive/cuid2';
import { dbNames } from '../utils/db-names';
import { VISITOR_SALT, VISITOR_SKETCH } from '../uids';
import {
  addToSketch,
  emptySketch,
  estimateSketch,
  mergeSketch,
  sketchFromText,
  sketchToText,
  type VisitorSketch,
} from './visitor-sketch';

/**
 * 独立用户访问总量: each counted visit's visitor — its source (an IPv4 address, an IPv6 /64:
 * `clientSource`) and its browser — hashed with the year's secret key (HMAC-SHA-256) and added
 * to the site's sketch of the year (visitor-sketch.ts) in memory; written with the visit counts,
 * merged into the stored sketch under the row's lock, so that instances add up.
 *
 * One key a local year, shared by every instance and every day: a visitor who comes back
 * another day, or reaches another instance, is then the same visitor, and the year's count is
 * its distinct visitors (a key a day would make it the sum of the days'). The key is made at the
 * year's first visit and the past years' are deleted then: once a year is over nobody can hash
 * an address again to test whether it visited. Nothing stored holds an address or a hash.
 */
export const createVisitorCounter = (strapi: Core.Strapi) => {
  /** The year's key, read or made once per instance. */
  const keys = new Map<number, Promise<Buffer>>();
  /** `${siteDocumentId} ${year}` → the visitors not yet written. */
  let pending = new Map<string, VisitorSketch>();

  const readOrMakeKey = async (year: number): Promise<Buffer> => {
    const salts = () => strapi.db.query(VISITOR_SALT);
    const stored = async () =>
      (await salts().findOne({ where: { year }, select: ['salt'] })) as { salt: string } | null;
    const found = await stored();
    if (found) return Buffer.from(found.salt, 'hex');
    try {
      await salts().create({ data: { year, salt: randomBytes(32).toString('hex') } });
      await salts().deleteMany({ where: { year: { $lt: year } } });
    } catch (error) {
      // Another instance made it first (the year is unique): theirs is the year's key.
      if (!(await stored())) throw error;
    }
    return Buffer.from((await stored())!.salt, 'hex');
  };

  const keyOf = (year: number) => {
    let key = keys.get(year);
    if (!key) {
      key = readOrMakeKey(year);
      // A database away: asked again at the next visit.
      key.catch(() => keys.delete(year));
      keys.set(year, key);
    }
    return key;
  };

  /**
   * Merges the sites' new visitors into their stored sketches, in one transaction: each stored
   * sketch read under its row's lock, so that two instances flushing at once both count.
   */
  const write = async (sketches: Map<string, VisitorSketch>) => {
    const names = dbNames(strapi, VISITOR_SKETCH);
    const site = names.column('siteDocumentId');
    const yearColumn = names.column('year');
    const registers = names.column('registers');
    const wanted = [...sketches.keys()].map((at) => at.split(' '));
    await strapi.db.connection.transaction(async (trx) => {
      // The sites' rows of those years (a pair's other rows, read too, are left as they are).
      const rows = (await trx(names.table)
        .select('id', { site, year: yearColumn, registers })
        .whereIn(site, [...new Set(wanted.map(([id]) => id))])
        .whereIn(yearColumn, [...new Set(wanted.map(([, year]) => Number(year)))])
        .forUpdate()) as Array<{ id: number; site: string; year: number; registers: string }>;
      const stored = new Map(rows.map((row) => [`${row.site} ${row.year}`, row]));
      const now = new Date();
      for (const [at, sketch] of sketches) {
        const row = stored.get(at);
        if (row) {
          await trx(names.table)
            .where('id', row.id)
            .update({
              [registers]: sketchToText(mergeSketch(sketchFromText(row.registers), sketch)),
              updated_at: now,
            });
          continue;
        }
        const [siteDocumentId, year] = at.split(' ');
        await trx(names.table).insert({
          document_id: createId(),
          [site]: siteDocumentId,
          [yearColumn]: Number(year),
          [registers]: sketchToText(sketch),
          created_at: now,
          updated_at: now,
        });
      }
    });
  };

  return {
    /** Adds one counted visit's visitor to the site's sketch of the local year `year`. */
    async add(siteDocumentId: string, year: number, source: string, userAgent: string) {
      const hash = createHmac('sha256', await keyOf(year))
        .update(`${source}\n${userAgent}`)
        .digest();
      const at = `${siteDocumentId} ${year}`;
      let sketch = pending.get(at);
      if (!sketch) pending.set(at, (sketch = emptySketch()));
      addToSketch(sketch, hash);
    },

    /**
     * Writes the sketches held in memory. If they could not be written (the database away, or
     * another instance making the same site's first row at that moment) they are kept, with
     * what came meanwhile, for the next flush, and the error passed on.
     */
    async flush() {
      if (pending.size === 0) return;
      const sketches = pending;
      pending = new Map();
      try {
        await write(sketches);
      } catch (error) {
        for (const [at, sketch] of sketches) {
          const later = pending.get(at);
          pending.set(at, later ? mergeSketch(later, sketch) : sketch);
        }
        throw error;
      }
    },

    /** The distinct visitors of a site in a local year, or null when none were ever counted. */
    async of(siteDocumentId: string, year: number): Promise<number | null> {
      const row = (await strapi.db.query(VISITOR_SKETCH).findOne({
        where: { siteDocumentId, year },
        select: ['registers'],
      })) as { registers: string } | null;
      return row ? estimateSketch(sketchFromText(row.registers)) : null;
    },
  };
};

export type VisitorCounter = ReturnType<typeof createVisitorCounter>;
