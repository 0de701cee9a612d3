/**
 * The demo data set: the 2014 Shaanxi civil-affairs website group (陕民办发〔2015〕2号).
 * Sites and their 2014 article counts come from the notice's table (data/sites.csv); the rest
 * (titles, dates, 2013 volumes, messages) is generated, deterministically, in the notice's
 * proportions (data/facts-2014.json). Nothing here touches the database.
 */
import { parse } from 'csv-parse/sync';
import fs from 'fs';
import { DateTime } from 'luxon';
import path from 'path';
import { BUILTIN_CALENDAR } from '../../src/plugins/governance/server/src/calendar/work-calendar';
import {
  dueAt,
  workingDaysBetween,
} from '../../src/plugins/governance/server/src/replies/deadlines';

export type SiteLevel = 'portal' | 'department' | 'city' | 'county';

export interface DemoSite {
  code: string;
  name: string;
  level: SiteLevel;
  parentCode: string | null;
  articles2014: number;
  specialTopics2014: number;
  articles2013: number;
  /** 2013's special topics: the site's 2014 share of its 2013 volume, so 专题 is never 0 that year. */
  specialTopics2013: number;
  sortOrder: number;
  /** 网站负责人; a few sites have none, as in real groups, and the sites page flags them. */
  responsiblePerson: string | null;
}

export interface DemoArticle {
  slug: string;
  siteCode: string;
  title: string;
  summary: string;
  column: string;
  isSpecialTopic: boolean;
  publishedAt: Date;
  body: unknown[];
}

export interface DemoMessage {
  queryCode: string;
  siteCode: string;
  category: 'consultation' | 'complaint' | 'suggestion' | 'other';
  subject: string;
  body: string;
  name: string;
  phone: string;
  receivedAt: Date;
  dueAt: Date;
  reply: string;
  repliedAt: Date;
  workingDaysToReply: number;
  repliedOnTime: boolean;
  replyingUnit: string;
  isPublic: boolean;
  satisfaction: 'satisfied' | 'neutral' | 'unsatisfied';
}

export interface Facts {
  year: number;
  timezone: string;
  articles: {
    prose_group_increase_over_2013: number;
    prose_portal_increase_over_2013: number;
    special_topics: { portal: number; rest_of_group: number };
  };
  messages: { total: number; replied_by_level: Partial<Record<SiteLevel, number>> };
  visits: { group_total: number; top_visited_city_and_county_sites: string[] };
}

/**
 * The living group's copy of a year: every date moved forward by `shiftDays` whole days (so that
 * the year's last day becomes yesterday), marked `label` in slugs and query codes. The draws are
 * the year's own, so the copy keeps each site's pattern: busy sites stay busy, idle ones idle.
 */
export interface Copy {
  shiftDays: number;
  label: string;
}

/** How much of the year's end the living group repeats: enough for every column's rule (半年). */
const RECENT_DAYS = 200;
/** …and of its citizen messages: the last two months. */
const RECENT_MESSAGE_DAYS = 60;

/**
 * The living group: the end of `year` repeated so that its last day is yesterday, as of `now`.
 * Only what falls in the last months before `now` is kept (`includes…`).
 */
export const recentCopy = (year: number, timezone: string, now: Date) => {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const yearEnd = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone: timezone });
  const shiftDays = Math.round(today.diff(yearEnd, 'days').days);
  const from = today.minus({ days: RECENT_DAYS });
  const messagesFrom = today.minus({ days: RECENT_MESSAGE_DAYS });
  return {
    shiftDays,
    label: 'recent',
    includes: (at: Date) => at >= from.toJSDate() && at < today.toJSDate(),
    includesMessage: (at: Date) => at >= messagesFrom.toJSDate() && at < now,
    includesDay: (day: string) => day >= from.toISODate()! && day < today.toISODate()!,
  };
};

export interface DemoVisitDay {
  siteCode: string;
  /** A local date, YYYY-MM-DD. */
  day: string;
  visits: number;
}

/** The portal's share of the group's visits; the named most-visited sites' shares, in their order. */
const PORTAL_VISIT_SHARE = 0.3;
const TOP_VISITED_SHARES = [0.06, 0.05, 0.045, 0.04, 0.035, 0.03];

/** Splits `total` into whole parts in proportion to `weights`, summing exactly to `total`. */
const apportion = (total: number, weights: number[]) => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const short = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < short; k++) parts[order[k % order.length][1]] += 1;
  return parts;
};

/**
 * The year's visits per site and local day, adding up to the notice's group total: the portal
 * draws the most, the six city and county sites the notice names as most visited follow in its
 * order, the others by what they publish. Weekdays are busier than weekends.
 */
export function* siteVisits(sites: DemoSite[], facts: Facts, copy?: Copy): Generator<DemoVisitDay> {
  const { group_total: total, top_visited_city_and_county_sites: topNames } = facts.visits;
  const top = topNames.map((name) => {
    const site = sites.find((s) => s.name === name && (s.level === 'city' || s.level === 'county'));
    if (!site)
      throw new Error(
        `facts: the most visited site "${name}" is not a city or county site of sites.csv`
      );
    return site;
  });
  const portal = sites.filter((s) => s.level === 'portal');
  const others = sites.filter((s) => s.level !== 'portal' && !top.includes(s));
  const portalTotal = Math.round(total * PORTAL_VISIT_SHARE);
  const topTotals = TOP_VISITED_SHARES.map((share) => Math.round(total * share));
  const otherTotals = apportion(
    total - portalTotal - topTotals.reduce((a, b) => a + b, 0),
    // Visits grow slower than output: a site publishing four times as much draws about twice the visitors.
    others.map((s) => Math.sqrt(s.articles2014 + 25))
  );
  const yearly = new Map<DemoSite, number>([
    ...apportion(
      portalTotal,
      portal.map(() => 1)
    ).map((n, i) => [portal[i], n] as const),
    ...top.map((s, i) => [s, topTotals[i]] as const),
    ...others.map((s, i) => [s, otherTotals[i]] as const),
  ]);
  const lowestTop = topTotals[topTotals.length - 1];
  const busiest = others
    .filter((s) => s.level === 'city' || s.level === 'county')
    .reduce((max, s) => Math.max(max, yearly.get(s)!), 0);
  if (busiest >= lowestTop)
    throw new Error(
      `demo visits: a site outside the notice's most visited six would outrank them (${busiest} >= ${lowestTop})`
    );

  const start = DateTime.fromObject(
    { year: facts.year, month: 1, day: 1 },
    { zone: facts.timezone }
  );
  const days = Array.from(
    { length: Math.round(start.plus({ years: 1 }).diff(start, 'days').days) },
    (_, i) => start.plus({ days: i })
  );
  const random = randomFrom(`visits-${facts.year}`);
  const dayWeights = days.map((d) => (d.weekday <= 5 ? 1.2 : 0.6) * (0.8 + 0.4 * random()));
  for (const [site, visits] of yearly) {
    const perDay = apportion(visits, dayWeights);
    for (let i = 0; i < days.length; i++)
      yield {
        siteCode: site.code,
        day: days[i].plus({ days: copy?.shiftDays ?? 0 }).toISODate()!,
        visits: perDay[i],
      };
  }
}

export const DATA_DIR = path.join('database', 'seeds', 'data');

/** A small seeded PRNG (mulberry32): the same data on every run and every machine. */
export const randomFrom = (seedText: string) => {
  let seed = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 7);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅'.split('');

/** A plausible Chinese name: family name, then one or two given characters. */
const personName = (random: () => number) =>
  pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.5 ? pick(random, GIVEN) : '');

export const readFacts = (appRoot: string): Facts =>
  JSON.parse(fs.readFileSync(path.join(appRoot, DATA_DIR, 'facts-2014.json'), 'utf8'));

/** The sites of the CSV, with a 2013 volume that reproduces the notice's growth figures. */
/**
 * A demo site's identity as the national forms name it (主办单位, 网站类型, and its 标识码 and filing
 * numbers). The group is the province's civil-affairs system, so every site is a 部门网站 of its
 * government. The numbers are made up, in the real forms' shapes, numbered in the sites' order.
 */
export const siteIdentity = (site: Pick<DemoSite, 'name' | 'level' | 'sortOrder'>) => {
  const serial = String(site.sortOrder).padStart(4, '0');
  return {
    siteType: 'departmentSite' as const,
    sponsor:
      site.level === 'portal'
        ? '陕西省民政厅'
        : site.level === 'department'
          ? site.name.replace(/^省/, '陕西省')
          : `${site.name}民政局`,
    siteIdCode: `610000${serial}`,
    icpNumber: `陕ICP备0000${serial}号`,
    publicSecurityNumber: `陕公网安备 6100000000${serial}号`,
  };
};

export const readSites = (appRoot: string, facts: Facts): DemoSite[] => {
  const rows = parse(fs.readFileSync(path.join(appRoot, DATA_DIR, 'sites.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Array<Record<string, string>>;

  const sites = rows.map((row, index) => ({
    code: row.code,
    name: row.name,
    level: row.level as SiteLevel,
    parentCode: row.parent_code || null,
    articles2014: Number(row.articles_2014),
    specialTopics2014: Number(row.special_topics_2014 || 0),
    articles2013: 0,
    specialTopics2013: 0,
    sortOrder: index + 1,
    responsiblePerson: null as string | null,
  }));
  const people = randomFrom('responsible-people');
  for (const site of sites) {
    site.responsiblePerson = people() < 0.92 ? personName(people) : null;
  }

  // Special topics of the rest of the group: spread over the busiest non-portal sites.
  const restTopics = facts.articles.special_topics.rest_of_group;
  const others = sites
    .filter((s) => s.level !== 'portal')
    .sort((a, b) => b.articles2014 - a.articles2014);
  const othersTotal = others.reduce((sum, s) => sum + s.articles2014, 0);
  let assigned = 0;
  for (const site of others) {
    const share = Math.floor((site.articles2014 / othersTotal) * restTopics);
    site.specialTopics2014 = Math.min(share, site.articles2014);
    assigned += site.specialTopics2014;
  }
  for (let i = 0; assigned < restTopics && others.length > 0; i = (i + 1) % others.length) {
    if (others[i].specialTopics2014 < others[i].articles2014) {
      others[i].specialTopics2014 += 1;
      assigned += 1;
    }
  }

  // 2013: the portal grew by the notice's figure; the rest grew so that the group's growth matches.
  const random = randomFrom('2013');
  const portal = sites.find((s) => s.level === 'portal');
  if (portal)
    portal.articles2013 = Math.max(
      0,
      portal.articles2014 - facts.articles.prose_portal_increase_over_2013
    );
  const restGrowth =
    facts.articles.prose_group_increase_over_2013 - facts.articles.prose_portal_increase_over_2013;
  const rest2013 = othersTotal - restGrowth;
  const weights = others.map((s) => s.articles2014 * (0.8 + random() * 0.4));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  // Largest remainder: the shares add up to exactly rest2013.
  const exact = weights.map((w) => (w / weightTotal) * rest2013);
  others.forEach((site, i) => {
    site.articles2013 = Math.floor(exact[i]);
  });
  const short = rest2013 - others.reduce((sum, s) => sum + s.articles2013, 0);
  [...others.keys()]
    .sort((a, b) => (exact[b] % 1) - (exact[a] % 1))
    .slice(0, short)
    .forEach((i) => {
      others[i].articles2013 += 1;
    });

  // 2013's special topics in each site's 2014 proportion (the notice gives no 2013 figure).
  for (const site of sites) {
    site.specialTopics2013 =
      site.articles2014 > 0
        ? Math.min(
            site.articles2013,
            Math.round((site.articles2013 * site.specialTopics2014) / site.articles2014)
          )
        : 0;
  }
  return sites;
};

const TOPICS = [
  '城乡低保',
  '特困人员供养',
  '临时救助',
  '优抚安置',
  '双拥共建',
  '城乡社区建设',
  '社会组织管理',
  '殡葬改革',
  '婚姻登记',
  '养老服务',
  '慈善捐赠',
  '防灾减灾救灾',
  '区划地名',
  '福利彩票',
  '老龄工作',
  '残疾人福利',
  '儿童福利',
  '村务公开',
  '流浪乞讨人员救助',
  '军休服务',
] as const;

/** The columns (栏目) of a site of each level; 专题专栏 holds the special topics. */
export const COLUMNS: Record<SiteLevel, readonly string[]> = {
  portal: ['工作动态', '通知公告', '政策法规', '基层动态', '媒体聚焦', '信息公开'],
  department: ['单位动态', '通知公告', '党建工作', '信息公开'],
  city: ['工作动态', '通知公告', '政策文件', '基层动态', '信息公开'],
  county: ['工作动态', '通知公告', '基层动态', '信息公开'],
};

const SPECIAL_TOPICS = [
  '党的群众路线教育实践活动',
  '社会救助暂行办法宣传',
  '全国第三次地名普查',
  '养老服务业综合改革',
];

const TITLES: Record<string, readonly string[]> = {
  工作动态: [
    '{site}召开{year}年{topic}工作会议',
    '{site}开展{topic}专项检查',
    '{site}{topic}工作取得新进展',
    '{site}领导调研{topic}工作',
  ],
  单位动态: [
    '{site}召开{month}月份工作例会',
    '{site}开展{topic}志愿服务活动',
    '{site}完成{topic}年度任务',
  ],
  通知公告: [
    '关于做好{year}年{topic}工作的通知',
    '关于开展{topic}摸底调查的通知',
    '关于{topic}资金拨付情况的公示',
  ],
  政策法规: ['陕西省{topic}实施办法解读', '《社会救助暂行办法》中{topic}条款解读'],
  政策文件: ['关于进一步加强{topic}工作的实施意见', '{site}{topic}工作规范（试行）'],
  基层动态: ['{site}所辖乡镇扎实推进{topic}工作', '{site}社区{topic}服务站正式启用'],
  媒体聚焦: ['陕西日报：{site}{topic}工作走在前列', '{site}{topic}经验被省级媒体报道'],
  信息公开: ['{site}{year}年{month}月{topic}资金发放情况', '{site}{year}年{topic}对象名册公示'],
  党建工作: ['{site}党支部开展{topic}主题党日活动', '{site}深入学习贯彻党的十八届四中全会精神'],
  专题专栏: ['【{special}】{site}扎实推进{topic}工作', '【{special}】{site}召开专题推进会'],
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * A publication instant in the year, in local time: mostly on weekdays, in office hours.
 * Dates are drawn from the whole year so that every month has articles.
 */
const publicationTime = (random: () => number, year: number, timezone: string) => {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timezone });
  const days = start.plus({ years: 1 }).diff(start, 'days').days;
  let day = start.plus({ days: Math.floor(random() * days) });
  if (day.weekday > 5 && random() < 0.8) day = day.minus({ days: day.weekday - 5 });
  return day.set({
    hour: 8 + Math.floor(random() * 10),
    minute: Math.floor(random() * 60),
    second: Math.floor(random() * 60),
  });
};

/** Every published article of a site in a year: exactly `count` of them, `topics` special. */
export function* siteArticles(
  site: DemoSite,
  year: number,
  count: number,
  topics: number,
  timezone: string,
  copy?: Copy
): Generator<DemoArticle> {
  const random = randomFrom(`${site.code}-${year}`);
  const columns = COLUMNS[site.level];
  for (let n = 1; n <= count; n += 1) {
    const isSpecialTopic = n <= topics;
    const column = isSpecialTopic ? '专题专栏' : pick(random, columns);
    const published = publicationTime(random, year, timezone).plus({ days: copy?.shiftDays ?? 0 });
    const topic = pick(random, TOPICS);
    const title = fill(pick(random, TITLES[column]), {
      site: site.name,
      year: String(published.year),
      month: String(published.month),
      topic,
      special: pick(random, SPECIAL_TOPICS),
    });
    const summary = `${published.toFormat('M月d日')}，${site.name}围绕${topic}工作，${pick(random, ['认真落实省厅部署', '结合本地实际', '坚持以人为本', '聚焦群众关切'])}，${pick(random, ['取得了阶段性成效', '推动各项措施落地见效', '切实保障困难群众基本生活', '进一步提升了服务水平'])}。`;
    yield {
      slug: `${site.code}-${copy?.label ?? year}-${String(n).padStart(5, '0')}`,
      siteCode: site.code,
      title,
      summary,
      column,
      isSpecialTopic,
      publishedAt: published.toJSDate(),
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: summary }] },
        {
          type: 'paragraph',
          children: [
            {
              type: 'text',
              text: `下一步，${site.name}将继续加强${topic}工作，主动接受社会监督，欢迎广大群众通过网站留言反映意见建议。`,
            },
          ],
        },
      ],
    };
  }
}

const MESSAGE_SUBJECTS: Record<DemoMessage['category'], readonly string[]> = {
  consultation: ['咨询{topic}申请条件', '请问{topic}需要哪些材料', '{topic}办理时限是多久'],
  complaint: ['反映{topic}工作中存在的问题', '投诉{topic}办理拖延'],
  suggestion: ['关于改进{topic}服务的建议', '建议简化{topic}办理流程'],
  other: ['对{topic}工作的意见', '询问{topic}相关政策'],
};

/** Citizen messages of 2014 for the sites of one level, all replied as the notice reports. */
export function* levelMessages(
  sites: DemoSite[],
  count: number,
  year: number,
  timezone: string,
  copy?: Copy
): Generator<DemoMessage> {
  if (sites.length === 0 || count === 0) return;
  const random = randomFrom(`messages-${sites[0].level}-${year}`);
  const total = sites.reduce((sum, s) => sum + s.articles2014 + 1, 0);
  // Messages go to sites in proportion to their activity, each site getting its share in turn.
  const shares = sites.map((s) => Math.floor(((s.articles2014 + 1) / total) * count));
  let remainder = count - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % sites.length, remainder -= 1) shares[i] += 1;

  let serial = 0;
  for (const [index, site] of sites.entries()) {
    for (let n = 0; n < shares[index]; n += 1) {
      serial += 1;
      const category = pick(random, [
        'consultation',
        'consultation',
        'consultation',
        'complaint',
        'suggestion',
        'other',
      ] as const);
      const topic = pick(random, TOPICS);
      const received = publicationTime(random, year, timezone).plus({
        days: copy?.shiftDays ?? 0,
      });
      const limit = category === 'consultation' ? 5 : 15;
      const replied = received.plus({ days: 1 + Math.floor(random() * (limit + 2)) });
      // chinese-days knows 2013 and 2014; the recent copy's deadlines may reach beyond its years.
      const due = dueAt(BUILTIN_CALENDAR, received.toJSDate(), limit, timezone);
      yield {
        queryCode: `DEMO${copy?.label.toUpperCase() ?? year}${site.level.slice(0, 2).toUpperCase()}${String(serial).padStart(5, '0')}`,
        siteCode: site.code,
        category,
        subject: fill(pick(random, MESSAGE_SUBJECTS[category]), { topic }),
        body: `您好，我想了解${topic}方面的政策，${pick(random, ['家里老人', '本人', '邻居'])}${pick(random, ['情况比较困难', '符合条件吗', '材料已经准备好了'])}，请问应该怎么办理?`,
        name: personName(random),
        phone: `1${pick(random, ['33', '35', '38', '52', '86', '89'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        receivedAt: received.toJSDate(),
        dueAt: due,
        reply: `您好！您反映的${topic}问题已收悉。根据有关规定，请携带身份证、户口簿等材料到户籍所在地乡镇（街道）民政办提出申请，经审核符合条件的将按规定办理。感谢您对民政工作的关注和支持！`,
        repliedAt: replied.toJSDate(),
        workingDaysToReply: workingDaysBetween(
          BUILTIN_CALENDAR,
          received.toJSDate(),
          replied.toJSDate(),
          timezone
        ),
        repliedOnTime: replied.toJSDate() <= due,
        replyingUnit: site.name,
        isPublic: random() < 0.7,
        satisfaction: pick(random, [
          'satisfied',
          'satisfied',
          'satisfied',
          'neutral',
          'unsatisfied',
        ] as const),
      };
    }
  }
}
