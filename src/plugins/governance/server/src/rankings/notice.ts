import type {
  Ranking,
  RankingSnapshotInfo,
  AnnualNotice,
  RankingGroup,
  VisitAnomaly,
} from '../../../shared/contracts/rankings';
import { DateTime } from 'luxon';
import { COLUMNS, LEVEL_TITLES, tableRows } from './export';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** 74,360,000 → "7436万", 198,000 → "19.8万": how the notice writes large counts. */
export const chineseCount = (n: number) => {
  if (n < 100_000) return String(n);
  const tenThousands = n / 10_000;
  return `${tenThousands >= 1000 ? Math.round(tenThousands) : Number(tenThousands.toFixed(1))}万`;
};

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;

/** "比2013年增加1026条（增长13.1%）" */
const change = (now: number, before: number, year: number, unit: string) => {
  if (before === 0) return now === 0 ? '' : `，${year - 1}年无可比数据`;
  const delta = now - before;
  if (delta === 0) return `，与${year - 1}年持平`;
  return `，比${year - 1}年${delta > 0 ? '增加' : '减少'}${Math.abs(delta)}${unit}（${delta > 0 ? '增长' : '下降'}${percent(Math.abs(delta), before)}）`;
};

/** 本通报数据取自2014年发布排名第2版（2026年12月5日 17:05 由王建国冻结）。 */
export const quotedVersion = (snapshot: RankingSnapshotInfo, timezone: string) => {
  const at = DateTime.fromISO(snapshot.takenAt).setZone(timezone).toFormat('yyyy年M月d日 HH:mm');
  return `本通报数据取自${snapshot.year}年发布排名第${snapshot.version}版（${at} 由${snapshot.takenBy}冻结）。`;
};

/** "12月3日" from "2026-12-03". */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** "3月1日至3月28日、4月2日" from sorted dates: a run of consecutive days is one span. */
const daySpans = (days: string[]) => {
  const spans: Array<[string, string]> = [];
  for (const day of days) {
    const last = spans.at(-1);
    if (last && DateTime.fromISO(last[1]).plus({ days: 1 }).toISODate() === day) last[1] = day;
    else spans.push([day, day]);
  }
  return spans
    .map(([from, to]) => (from === to ? monthDay(from) : `${monthDay(from)}至${monthDay(to)}`))
    .join('、');
};

/** One kind of flagged day: the sites and their days, and how much was left out. */
const flaggedOfKind = (
  anomalies: VisitAnomaly[],
  lead: (sites: number, days: number) => string
) => {
  if (anomalies.length === 0) return '';
  const bySite = new Map<string, { name: string; days: string[] }>();
  for (const a of anomalies) {
    const entry = bySite.get(a.site.documentId) ?? { name: a.site.name, days: [] };
    entry.days.push(a.day);
    bySite.set(a.site.documentId, entry);
  }
  const raw = anomalies.reduce((sum, a) => sum + a.visits, 0);
  const counted = anomalies.reduce((sum, a) => sum + a.counted, 0);
  return (
    `${lead(bySite.size, anomalies.length)}，当日按上限计入（原始${chineseCount(raw)}人次，计入${chineseCount(counted)}人次）：` +
    `${[...bySite.values()].map((s) => `${s.name}（${daySpans(s.days)}）`).join('；')}。`
  );
};

/**
 * The flagged visit days, named: which sites, which days, and how much was left out, so that a
 * figure the notice quotes says where it was bent. One-day spikes and sustained rises
 * (持续异常增长) are told apart; a snapshot frozen before the difference has spikes only.
 */
const flaggedVisits = (anomalies: VisitAnomaly[]) => {
  const spikes = anomalies.filter((a) => a.kind !== 'ramp');
  const ramps = anomalies.filter((a) => a.kind === 'ramp');
  return (
    flaggedOfKind(
      spikes,
      (sites, days) => `经异常访问检测，${sites}个网站共${days}天的访问量远超本站此前水平`
    ) +
    flaggedOfKind(
      ramps,
      (sites, days) =>
        `${spikes.length > 0 ? '另有' : '经异常访问检测，'}${sites}个网站的访问量持续异常增长，共${days}天远超本站此前数月的水平`
    )
  );
};

const topThree = (group: RankingGroup) =>
  group.rows
    .filter((row) => row.articles > 0 && row.rank <= 3)
    .map((row) => `${row.site.name}（${row.articles}条）`)
    .join('、');

/**
 * The annual notice on the year's maintenance of the website group, in the structure of the
 * province's notice: the overview, publication per level with the top three, replies per level,
 * visits with the most visited sites, then the ranking table. Every sentence is made from the
 * figures; nothing is typed.
 */
export const annualNotice = (
  ranking: Ranking,
  snapshot: RankingSnapshotInfo | null
): AnnualNotice => {
  const { year, totals, previousTotals } = ranking;
  const sections: AnnualNotice['sections'] = [];

  sections.push({
    heading: '总体情况',
    paragraphs: [
      `${year}年，${ranking.groupName}共有网站${totals.sites}个，全年发布信息${totals.articles}条${change(totals.articles, previousTotals.articles, year, '条')}；其中专题信息${totals.specialTopics}条。` +
        `全年受理网民留言${totals.messages}条，答复${totals.replies}条，答复率${percent(totals.replies, totals.messages)}。`,
    ],
  });

  sections.push({
    heading: '信息发布情况',
    paragraphs: ranking.groups.map((group) => {
      const title = LEVEL_TITLES[group.level];
      const silent = group.rows.filter((row) => row.articles === 0).map((row) => row.site.name);
      const base = `${title}${group.totals.sites > 1 ? `${group.totals.sites}个网站共` : ''}发布信息${group.totals.articles}条${change(group.totals.articles, group.previousTotals.articles, year, '条')}`;
      const topics =
        group.totals.specialTopics > 0 ? `，其中专题信息${group.totals.specialTopics}条` : '';
      const top =
        group.totals.sites > 1 && topThree(group) ? `。发布量排名前三的是${topThree(group)}` : '';
      const none = silent.length > 0 ? `。全年未发布信息的网站：${silent.join('、')}` : '';
      return `${base}${topics}${top}${none}。`;
    }),
  });

  const replied = ranking.groups.filter((g) => g.totals.messages > 0);
  sections.push({
    heading: '网民留言办理情况',
    paragraphs: [
      totals.messages === 0
        ? `${year}年未收到网民留言。`
        : `${year}年网站群共收到网民留言${totals.messages}条，答复${totals.replies}条。其中` +
          replied
            .map(
              (g) => `${LEVEL_TITLES[g.level]}收到${g.totals.messages}条、答复${g.totals.replies}条`
            )
            .join('，') +
          '。',
    ],
  });

  // 信息报送: named only in years the group submitted anything.
  if (totals.submitted > 0) {
    const adoptedMost = ranking.groups
      .flatMap((g) => g.rows)
      .filter((row) => row.adopted > 0)
      .sort((a, b) => b.adopted - a.adopted || a.site.code.localeCompare(b.site.code))
      .slice(0, 3);
    sections.push({
      heading: '信息报送情况',
      paragraphs: [
        `${year}年各网站共报送信息${totals.submitted}条，被采用${totals.adopted}条，采用率${percent(totals.adopted, totals.submitted)}。` +
          (adoptedMost.length > 0
            ? `被采用较多的是${adoptedMost.map((row) => `${row.site.name}（${row.adopted}条）`).join('、')}。`
            : ''),
      ],
    });
  }

  const daily = ranking.days > 0 ? Math.round(totals.visits / ranking.days) : 0;
  const anomalies = ranking.visitAnomalies ?? [];
  sections.push({
    heading: '网站访问情况',
    paragraphs: [
      totals.visits === 0
        ? `${year}年未统计到网站访问量。`
        : `${year}年网站群总访问量${chineseCount(totals.visits)}人次，日均${chineseCount(daily)}人次。` +
          (ranking.topVisited.length > 0
            ? `市、县网站中访问量较高的是${ranking.topVisited.map((t) => t.site.name).join('、')}。`
            : '') +
          flaggedVisits(anomalies),
    ],
  });

  const table = tableRows(ranking);
  return {
    year,
    groupName: ranking.groupName,
    title: `关于${year}年${ranking.groupName}内容维护情况的通报`,
    snapshot,
    quotes: snapshot ? quotedVersion(snapshot, ranking.timezone) : null,
    sections: sections.map((s, i) => ({ ...s, heading: `${NUMERALS[i]}、${s.heading}` })),
    attachment: {
      title: table.title,
      columns: [...COLUMNS],
      sections: table.sections.map((s) => ({
        heading: s.heading,
        rows: s.rows.map((r) => [...r] as [string, number, number, number, number, string, string]),
      })),
    },
  };
};
