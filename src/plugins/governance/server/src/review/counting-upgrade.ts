import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { GovernanceConfig } from '../config';
import { dbNames } from '../utils/db-names';
import { ARTICLE } from './store';

const store = (strapi: Core.Strapi, key: string) =>
  strapi.store({ type: 'plugin', name: 'governance', key });

/**
 * The first day whose publications are judged, when `ARTICLE_JUDGE_FROM` is not set: the day
 * this CMS first started judging, recorded then and kept. A deployment that never chose a date
 * so never has a year it ranked before judging existed judged again; to judge an imported
 * archive, the operator sets the date.
 */
export const settleJudgeFrom = async (strapi: Core.Strapi) => {
  const key = 'plugin::governance.articles.judgeFrom';
  if (strapi.config.get(key)) return strapi.config.get(key) as string;
  const kept = store(strapi, 'counting-judge-from');
  let from = ((await kept.get({})) as { date?: string } | null)?.date;
  if (!from) {
    const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
    from = DateTime.now().setZone(timezone).toISODate()!;
    await kept.set({ value: { date: from } });
  }
  strapi.config.set(key, from);
  return from;
};

/**
 * Verdicts kept before `countJudgedAt` and `textOnlineSince` existed: judged on publication, so
 * done (the backfill would otherwise judge them again, and one before `judgeFrom` would lose its
 * exclusion), and their text dated from their first publication. Two statements, once (a stored
 * flag): later, an article without `countJudgedAt` is one left to the backfill on purpose.
 */
export const adoptEarlierVerdictsOnce = async (strapi: Core.Strapi) => {
  const done = store(strapi, 'counting-verdicts');
  if (((await done.get({})) as { version?: number } | null)?.version === 1) return 0;
  const article = dbNames(strapi, ARTICLE);
  const column = (name: string) => article.column(name);
  const knex = strapi.db.connection;
  const judged = await knex(article.table)
    .whereNotNull(column('simhash'))
    .whereNull(column('countJudgedAt'))
    .update({ [column('countJudgedAt')]: new Date() });
  await knex(article.table)
    .whereNotNull(column('simhash'))
    .whereNull(column('textOnlineSince'))
    .update({
      [column('textOnlineSince')]: knex.ref(column('firstPublishedAt')),
      [column('textOnlineHash')]: knex.ref(column('simhash')),
    });
  await done.set({ value: { version: 1 } });
  return Number(judged);
};
