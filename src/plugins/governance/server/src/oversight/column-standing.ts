import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { ColumnSettings, ColumnStanding } from '../../../shared/contracts/columns';
import type { GovernanceConfig } from '../config';
import type { ColumnRecord, Requested, SiteRecord } from './column-records';
import { publications } from './site-facts';
import { columnStates } from './standing';

/** The days a column may go without an update; Infinity for a static one (never stale). */
const allowedDays = (
  c: Pick<ColumnSettings, 'kind' | 'staleAfterDays'>,
  defaults: Record<string, number>
) => (c.kind === 'static' ? Infinity : (c.staleAfterDays ?? defaults[c.kind]));

/** A column's standing in words, as the refusal, the audit entry and the page say it. */
export const describeStanding = (s: ColumnStanding) => {
  if (s.empty) return '该栏目从未发布过文章（空白栏目）';
  if (s.stale) return `该栏目已 ${s.idleDays} 天未更新，超过 ${s.staleAfterDays} 天的更新要求`;
  if (s.staleAfterDays !== null && s.idleDays !== null)
    return `该栏目已 ${s.idleDays} 天未更新，再过 ${s.staleAfterDays - s.idleDays} 天即超期`;
  return '该栏目目前按时更新';
};

/**
 * How a site's columns stand against the staleness veto, and which changes would let a column
 * escape it: retiring one, or giving it more days, takes it out of the count of stale or empty
 * columns, so for a column at risk only the province may do so, knowingly.
 */
export const columnStanding = (strapi: Core.Strapi) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  /** How the site's columns stand now, as 站群监测 judges them: one grouped query for the site. */
  const standingsOf = async (site: SiteRecord, columns: ColumnRecord[], now = new Date()) => {
    const settings = config();
    const since = DateTime.fromJSDate(now).minus({ days: 365 }).toJSDate();
    const published = await publications(strapi, since, [site.id]);
    const states = columnStates(settings, columns, published, now);
    const warn = settings.oversight.veto.warnDays;
    return new Map(
      columns.map((c, i): [number, ColumnStanding] => {
        const s = states[i];
        const near =
          s.staleAfterDays !== null && s.idleDays !== null && s.staleAfterDays - s.idleDays <= warn;
        return [
          c.id,
          {
            staleAfterDays: s.staleAfterDays,
            idleDays: s.idleDays,
            stale: s.stale,
            empty: s.empty,
            atRisk: s.stale || s.empty || near,
          },
        ];
      })
    );
  };

  const standingOf = async (site: SiteRecord, column: ColumnRecord) =>
    (await standingsOf(site, [column])).get(column.id)!;

  /** A retire, or more days (a longer rule, another kind, static): what escapes the staleness veto. */
  const slackens = (column: ColumnRecord, change: Requested) => {
    if (change.action === 'retire') return true;
    if (change.action !== 'change') return false;
    const defaults = config().oversight.staleAfterDays;
    const after = {
      kind: change.kind ?? column.kind,
      staleAfterDays:
        change.staleAfterDays !== undefined ? change.staleAfterDays : column.staleAfterDays,
    };
    return allowedDays(after, defaults) > allowedDays(column, defaults);
  };

  return { standingsOf, standingOf, slackens };
};
