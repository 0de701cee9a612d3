/**
 * `npm run demo:now`: the 2014 website group as if its year had just ended. Every date of the
 * demo's articles and messages moves forward by whole days, so that 31 December 2014 becomes
 * yesterday: a site that stopped publishing in October 2014 is now two months idle, and 站群监测
 * shows the mix of healthy and failing sites the data holds. Three consultations left waiting
 * (95, 85 and 40 days) give the message rule something to find. Moving again later moves by the
 * days passed since; the days moved so far are kept in the plugin's store.
 */
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';

const DAY_MS = 24 * 60 * 60 * 1000;
const MESSAGE = 'api::citizen-message.citizen-message';
/** Marks the waiting consultations this step adds, so that a second run adds none. */
const WAITING_IP = '203.0.113.2';

const WAITING = [
  {
    site: 'ankang-ziyang',
    daysAgo: 95,
    subject: '高龄津贴为何停发',
    body: '我父亲今年82岁，高龄津贴从去年起停发了，村里说要重新认证，请问到哪里办理？',
    name: '陈德福',
  },
  {
    site: 'yanan-baota',
    daysAgo: 85,
    subject: '临时救助申请进度',
    body: '上个月家里失火，已向街道提交临时救助申请，至今没有消息，请问办理进度？',
    name: '刘彩霞',
  },
  {
    site: 'hanzhong-chenggu',
    daysAgo: 40,
    subject: '社区养老服务站开放时间',
    body: '我们小区的社区养老服务站一直锁着门，请问什么时候开放？由谁负责？',
    name: '杨光荣',
  },
];

export const moveDemoDatesToNow = async (strapi: Core.Strapi, now = new Date()) => {
  const { timezone } = strapi.config.get('plugin::governance') as { timezone: string };
  const store = strapi.store({ type: 'plugin', name: 'governance', key: 'demo-dates' });
  const moved = ((await store.get({})) as { days?: number } | null)?.days ?? 0;
  const yearEnd = DateTime.fromObject({ year: 2015, month: 1, day: 1 }, { zone: timezone });
  const target = Math.floor(
    DateTime.fromJSDate(now, { zone: timezone }).startOf('day').diff(yearEnd, 'days').days
  );
  const days = target - moved;

  const knex = strapi.db.connection;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  // SQLite keeps instants as epoch milliseconds; PostgreSQL as timestamps.
  const plus = (column: string) =>
    sqlite
      ? knex.raw('?? + ?', [column, days * DAY_MS])
      : knex.raw(`?? + (? * interval '1 day')`, [column, days]);
  const shift = (columns: string[]) =>
    Object.fromEntries(columns.map((column) => [column, plus(column)]));

  let articles = 0;
  let messages = 0;
  if (days !== 0) {
    await knex.transaction(async (trx) => {
      const article = strapi.db.metadata.get('api::article.article').tableName;
      articles = await trx(article)
        .where((q) =>
          q
            .where('slug', 'like', '%-2013-_____')
            .orWhere('slug', 'like', '%-2014-_____')
            .orWhere('slug', 'like', '%-draft-2015-_____')
        )
        .update(shift(['first_published_at', 'published_at', 'created_at', 'updated_at']));
      const message = strapi.db.metadata.get(MESSAGE).tableName;
      messages = await trx(message)
        .where('query_code', 'like', 'DEMO%')
        .update(
          shift(['received_at', 'due_at', 'replied_at', 'created_at', 'updated_at', 'published_at'])
        );
    });
    await store.set({ value: { days: target } });
  }

  let waiting = 0;
  if ((await strapi.db.query(MESSAGE).count({ where: { ipAddress: WAITING_IP } })) === 0) {
    const replies = strapi.plugin('governance').service('replies');
    for (const m of WAITING) {
      const receivedAt = DateTime.fromJSDate(now, { zone: timezone })
        .minus({ days: m.daysAgo })
        .set({ hour: 10, minute: 0 })
        .toJSDate();
      const { queryCode } = await replies.submit(
        {
          site: m.site,
          category: 'consultation',
          subject: m.subject,
          body: m.body,
          name: m.name,
          phone: '13700000000',
          startedAt: receivedAt.getTime() - 60_000,
        },
        { ip: WAITING_IP, now: receivedAt }
      );
      await strapi.db.query(MESSAGE).update({ where: { queryCode }, data: { status: 'accepted' } });
      waiting += 1;
    }
  }
  return { days, articles, messages, waiting };
};
