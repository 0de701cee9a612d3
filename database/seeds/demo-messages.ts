/**
 * Citizen messages of this week for 西安, so that 留言办理 opens on real work: one overdue and
 * reported to the site's leader, one just in, one due soon, one waiting for an extension
 * decision, one answered and rated. They go through the same services as the admin's buttons,
 * acted by the demo accounts.
 */
import type { Core } from '@strapi/strapi';
import { findWorkday } from 'chinese-days';
import { DateTime } from 'luxon';
import { userByEmail } from './demo-accounts';

const MESSAGE = 'api::citizen-message.citizen-message';
/** Marks the demo's own messages, so that a second run adds none. */
const DEMO_IP = '203.0.113.1';

export const ensureDemoMessages = async (strapi: Core.Strapi) => {
  if ((await strapi.db.query(MESSAGE).count({ where: { ipAddress: DEMO_IP } })) > 0) return 0;
  const { timezone } = strapi.config.get('plugin::governance') as { timezone: string };
  const replies = strapi.plugin('governance').service('replies');
  const handling = strapi.plugin('governance').service('messageHandling');
  const handler = await userByEmail(strapi, 'xian.handler@demo.example');

  /** 10:00 local, `workingDays` working days before today; never later than half an hour ago. */
  const daysAgo = (workingDays: number) => {
    const now = DateTime.now().setZone(timezone);
    const day = workingDays === 0 ? now.toISODate()! : findWorkday(-workingDays, now.toISODate()!);
    const at = DateTime.fromISO(`${day}T10:00`, { zone: timezone });
    return DateTime.min(at, now.minus({ minutes: 30 })).toJSDate();
  };
  const submit = async (
    receivedAt: Date,
    category: string,
    subject: string,
    body: string,
    name: string
  ) => {
    const { queryCode } = await replies.submit(
      {
        site: 'xian',
        category,
        subject,
        body,
        name,
        phone: '13912345678',
        startedAt: receivedAt.getTime() - 60_000,
      },
      { ip: DEMO_IP, now: receivedAt }
    );
    return (await strapi.db.query(MESSAGE).findOne({ where: { queryCode }, select: ['id'] }))
      .id as number;
  };

  await submit(
    daysAgo(9),
    'consultation',
    '城乡低保边缘家庭认定标准',
    '我家两口人，月收入合计1800元，请问能否认定为低保边缘家庭？需要到哪里申请？',
    '孙志强'
  );
  await submit(
    daysAgo(0),
    'consultation',
    '孤儿基本生活费发放时间',
    '我是孩子的监护人，想问一下孤儿基本生活费每月几号发放，发放到哪张卡上？',
    '马晓燕'
  );
  const dueSoon = await submit(
    daysAgo(4),
    'consultation',
    '婚姻登记需要预约吗',
    '下个月想去办理结婚登记，请问碑林区婚姻登记处需要提前网上预约吗？需要带哪些材料？',
    '何军'
  );
  await handling.sign(dueSoon, handler);
  const extension = await submit(
    daysAgo(3),
    'complaint',
    '养老院收费不透明',
    '某民办养老院每月加收“护理升级费”，没有书面说明，家属多次询问无果，请民政部门核查。',
    '郭红梅'
  );
  await handling.sign(extension, handler);
  await handling.requestExtension(extension, handler, {
    workingDays: 5,
    reason: '需会同区民政局对该养老院开展现场核查',
  });
  const answered = await submit(
    daysAgo(2),
    'consultation',
    '残疾人两项补贴如何申请',
    '家中老人刚办了二级残疾证，请问残疾人两项补贴怎么申请，需要什么材料？',
    '胡建平'
  );
  await handling.sign(answered, handler);
  await handling.reply(answered, handler, {
    text: '您好！持有第二代残疾人证的困难残疾人和重度残疾人可申请两项补贴。请携带残疾人证、身份证、户口簿到户籍所在地街道办事处提交申请，也可通过“陕西民政”网上办理，审核通过后次月发放。',
    unit: '西安市民政局社会救助处',
  });
  const { queryCode } = await strapi.db
    .query(MESSAGE)
    .findOne({ where: { id: answered }, select: ['queryCode'] });
  // The citizen rates with their query code and the last four digits of the phone they left.
  await replies.rate(queryCode, {
    contact: '5678',
    satisfaction: 'satisfied',
    comment: '答复很清楚，谢谢',
  });
  // The overdue one is reported to 西安's leader, as the hourly job would have done.
  await strapi.plugin('governance').service('overdueMessages').notifyOverdue();
  return 5;
};

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

/**
 * Three consultations left waiting 95, 85 and 40 days (紫阳县, 宝塔区, 城固县), signed for and
 * never answered: 站群监测's rule on messages past three months finds the first.
 */
export const ensureWaitingConsultations = async (strapi: Core.Strapi, now = new Date()) => {
  const { timezone } = strapi.config.get('plugin::governance') as { timezone: string };
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
  return waiting;
};
