import { DateTime } from 'luxon';
import { localDays } from '../time/local-day';
import type {
  ColumnState,
  PublishingMix,
  SiteOversight,
} from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { VETO_MONTHS } from '../replies/deadlines';
import type { ListedSite } from '../sites/site-rows';
import { judgeSite, worst } from './rules';
import type { ColumnRow, Publication, SiteFacts, Stamp } from './site-facts';

/** The settings a standing is judged with. */
type Judging = Pick<GovernanceConfig, 'oversight' | 'timezone'>;

/** What was first published, by kind of content: the columns each kind covers (config). */
export const mixOf = (
  mix: GovernanceConfig['oversight']['mix'],
  rows: Array<{ column: string | null; recent: number }>
): Record<PublishingMix, number> => {
  const counts: Record<PublishingMix, number> = {
    workNews: 0,
    analysis: 0,
    disclosure: 0,
    other: 0,
  };
  for (const row of rows) {
    const kind =
      (Object.keys(mix) as Array<keyof typeof mix>).find(
        (k) => row.column !== null && mix[k].includes(row.column)
      ) ?? 'other';
    counts[kind] += row.recent;
  }
  return counts;
};

/** A column's publications under its name and its former names (a rename keeps its history). */
const publicationsOf = (byColumn: Map<string | null, Publication>, column: ColumnRow) => {
  const rows = [column.name, ...(column.formerNames ?? [])]
    .map((name) => byColumn.get(name))
    .filter((row): row is Publication => row !== undefined);
  if (rows.length <= 1) return rows[0];
  return rows.reduce((sum, row) => ({
    ...sum,
    last:
      row.last !== null &&
      (sum.last === null || new Date(row.last as string) > new Date(sum.last as string))
        ? row.last
        : sum.last,
    published: sum.published + row.published,
    recent: sum.recent + row.recent,
  }));
};

/** A site's columns with how long each has been idle, from its publications by column. */
export const columnStates = (
  config: Judging,
  columns: ColumnRow[],
  published: Publication[],
  now: Date
) => {
  const defaults = config.oversight.staleAfterDays;
  const byColumn = new Map(published.map((row) => [row.column, row]));
  return columns.map((c): ColumnState => {
    const found = publicationsOf(byColumn, c);
    const staleAfterDays = c.kind === 'static' ? null : (c.staleAfterDays ?? defaults[c.kind]);
    const idleDays = found?.last ? localDays(config.timezone, found.last, now) : null;
    return {
      name: c.name,
      kind: c.kind,
      staleAfterDays,
      lastPublishedAt: found?.last ? new Date(found.last as string).toISOString() : null,
      idleDays,
      published: found?.published ?? 0,
      stale: staleAfterDays !== null && idleDays !== null && idleDays >= staleAfterDays,
      empty: !found,
    };
  });
};

/** When the site last published anything: the latest of its columns' last publications. */
const lastOf = (published: Publication[]) =>
  published.reduce<Stamp>(
    (latest, row) =>
      row.last !== null &&
      (latest === null || new Date(row.last as string) > new Date(latest as string))
        ? row.last
        : latest,
    null
  );

/** Local days from a message's receipt to the end of its three months. */
const vetoLimitDays = (timezone: string, receivedAt: Stamp) =>
  localDays(
    timezone,
    receivedAt,
    DateTime.fromJSDate(new Date(receivedAt as string), { zone: timezone })
      .plus({ months: VETO_MONTHS })
      .toJSDate()
  );

/** One site's standing against the veto rules, with the figures the page shows beside them. */
export const standingOf = (
  config: Judging,
  site: ListedSite,
  facts: SiteFacts,
  now: Date
): SiteOversight => {
  const days = (from: Stamp) => localDays(config.timezone, from, now);
  const mine = facts.publishedBySite.get(Number(site.id)) ?? [];
  const last = lastOf(mine);
  const columns = columnStates(config, facts.columnsBySite.get(site.documentId) ?? [], mine, now);
  const waiting = facts.unanswered.get(Number(site.id));
  const figures = facts.messageFigures.get(site.code);
  const inReview = facts.backlog.get(Number(site.id));
  const rules = judgeSite(
    {
      homePageIdleDays: last === null ? null : days(last),
      columns,
      // The time this site held it (a transfer does not move the veto, nor reset it).
      unanswered: waiting
        ? {
            ageDays: days(waiting.since),
            limitDays: vetoLimitDays(config.timezone, waiting.since),
          }
        : null,
      findings: facts.seriousFindings.get(Number(site.id)) ?? {
        seriousWording: 0,
        personalData: 0,
      },
    },
    config.oversight.veto
  );
  return {
    site: {
      documentId: site.documentId,
      code: site.code,
      name: site.name,
      level: site.level,
      city: site.level === 'county' ? site.parentName : site.level === 'city' ? site.name : null,
    },
    status: worst(rules),
    rules,
    lastPublishedAt: last === null ? null : new Date(last as string).toISOString(),
    columns,
    oldestUnanswered: waiting
      ? {
          id: waiting.id,
          subject: waiting.subject,
          receivedAt: new Date(waiting.receivedAt as string).toISOString(),
          ageDays: days(waiting.since),
        }
      : null,
    replies: {
      year: facts.year,
      received: figures?.received ?? 0,
      replyRate: figures?.replyRate ?? null,
      onTimeRate: figures?.onTimeRate ?? null,
      open: figures?.open ?? 0,
      overdue: figures?.overdue ?? 0,
    },
    reviewBacklog: {
      waiting: inReview?.waiting ?? 0,
      oldestDays: inReview?.since ? days(inReview.since) : null,
    },
    mix: mixOf(config.oversight.mix, mine),
    expiredAccounts: facts.expired.get(site.code) ?? 0,
    brokenLinks: facts.brokenLinks.get(Number(site.id)) ?? 0,
    submissions: facts.submissions.get(site.documentId) ?? { submitted: 0, adopted: 0 },
    visitAnomalies: (facts.flaggedVisits.get(site.documentId) ?? []).map(
      ({ day, visits, counted, median, kind }) => ({ day, visits, counted, median, kind })
    ),
  };
};
