/**
 * 监测通报: the inspection notice for a period, in the structure of the province's notices —
 * overall situation, sites praised, problems with the sites concerned, requirements — made from
 * the figures alone (no database here). Every sentence that names a site carries its figures;
 * a site named under 存在的问题 is a site that will receive a rectification task.
 */
import { DateTime } from 'luxon';
import { SITE_LEVELS } from '../../../shared/contracts/overview';
import type { MessageFigures } from '../../../shared/contracts/messages';
import type {
  InspectionNoticeDraft,
  NamedSite,
  PublishingMix,
  SiteOversight,
} from '../../../shared/contracts/oversight';
import { denseRank } from '../rankings/dense-rank';
import { LEVEL_TITLES } from '../rankings/export';
import type { VetoThresholds } from '../../../shared/contracts/oversight';

export interface NoticeThresholds {
  /** Sites praised per level for what they published. */
  topPerLevel: number;
  /** Messages a site must have received in the period to be praised or named for its replies. */
  minMessages: number;
  /** An on-time reply rate below this names the site (0–1). */
  lowOnTimeRate: number;
  /** Articles a site must have published in the period to be judged on its mix. */
  minArticlesForMix: number;
  /** A share of analysis below this names the site for imbalance (0–1). */
  lowAnalysisShare: number;
  /** Calendar days from the notice to its rectification deadline. */
  rectificationDays: number;
  /** At most this many sites in a list that could run long: praised for replies, named for their mix. */
  maxListed: number;
}

export interface NoticeSite {
  site: NamedSite['site'] & { sortOrder: number };
  /** Articles first published in the period, by kind of content. */
  mix: Record<PublishingMix, number>;
  messages: MessageFigures | null;
  /** The site's standing against the veto rules at the end of the period. */
  standing: SiteOversight | null;
}

export interface NoticeInput {
  groupName: string;
  period: { from: string; to: string };
  /** The local date the standing was judged on. */
  asOf: string;
  deadline: string;
  sites: NoticeSite[];
  veto: VetoThresholds;
  staleAfterDays: { news: number; notice: number; policy: number };
  replyWorkingDays: { consultation: number; complaint: number; suggestion: number };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const total = (mix: Record<PublishingMix, number>) =>
  mix.workNews + mix.analysis + mix.disclosure + mix.other;
/** "2026-03-31" → "2026年3月31日" */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const QUARTERS = ['一', '二', '三', '四'];

/**
 * A period as a notice names it: "2014年第三季度", "2014年上半年", "2014年", "2014年3月" when it
 * is exactly one, else "2014年3月5日至2014年4月20日".
 */
export const periodName = (from: string, to: string) => {
  const start = DateTime.fromISO(from);
  const end = DateTime.fromISO(to);
  const whole = (unit: 'month' | 'quarter' | 'year', months = 0) =>
    start.equals(start.startOf(unit)) &&
    end.equals((months ? start.plus({ months: months - 1 }) : start).endOf(unit).startOf('day'));
  if (start.isValid && end.isValid) {
    const year = `${start.year}年`;
    if (whole('year')) return year;
    if (start.month % 6 === 1 && whole('month', 6))
      return `${year}${start.month === 1 ? '上' : '下'}半年`;
    if (whole('quarter')) return `${year}第${QUARTERS[start.quarter - 1]}季度`;
    if (whole('month')) return `${year}${start.month}月`;
  }
  return `${chineseDate(from)}至${chineseDate(to)}`;
};

type FindingKind =
  | 'never'
  | 'homePage'
  | 'staleColumns'
  | 'longIdleColumns'
  | 'emptyColumns'
  | 'unanswered'
  | 'overdue'
  | 'lowOnTime'
  | 'seriousWording'
  | 'personalData';

interface Finding {
  kind: FindingKind;
  /** The site's name, and its figure for the rule ("35天", "3个：要闻、通知"). */
  site: string;
  figure: string;
  /** The sentence for this site alone (the rectification task's problem). */
  problem: string;
}

/** 14 → "2周", 10 → "10天". */
const span = (days: number) => (days % 7 === 0 ? `${days / 7}周` : `${days}天`);

/**
 * The findings as sentences, one per rule broken, in the order of the rules: a rule one site
 * broke reads as that site's sentence; one several broke names them all with their figures,
 * "以下3个网站首页超过2周未更新：A（35天）、B（20天）、C（15天）".
 */
export const groupedSentences = (
  findings: ReadonlyArray<Finding>,
  limits: { homePageDays: number; lowOnTimeRate: number }
) => {
  const lead: Record<FindingKind, string> = {
    never: '从未发布信息',
    homePage: `首页超过${span(limits.homePageDays)}未更新`,
    staleColumns: '有栏目超期未更新',
    longIdleColumns: '有栏目一年以上未更新',
    emptyColumns: '有空白栏目',
    unanswered: '有网民留言超过3个月未答复',
    overdue: '有留言超过答复期限仍未答复',
    lowOnTime: `按期答复率低于${percent(limits.lowOnTimeRate)}`,
    seriousWording: '经内容巡检发现严重表述错误或禁用词未整改',
    personalData: '经内容巡检发现未脱敏的个人信息仍在网上',
  };
  const kinds = (Object.keys(lead) as FindingKind[]).filter((kind) =>
    findings.some((f) => f.kind === kind)
  );
  return kinds.map((kind) => {
    const group = findings.filter((f) => f.kind === kind);
    if (group.length === 1) return group[0].problem;
    const names = group.map((f) => (f.figure ? `${f.site}（${f.figure}）` : f.site)).join('、');
    return `以下${group.length}个网站${lead[kind]}：${names}`;
  });
};

export const inspectionNotice = (
  input: NoticeInput,
  t: NoticeThresholds
): Omit<InspectionNoticeDraft, 'period' | 'deadline'> => {
  const { sites, period, asOf, veto } = input;
  const when = periodName(period.from, period.to);
  const articles = sites.reduce((sum, s) => sum + total(s.mix), 0);
  const sum = (pick: (m: MessageFigures) => number) =>
    sites.reduce((acc, s) => acc + (s.messages ? pick(s.messages) : 0), 0);
  const received = sum((m) => m.received);
  const valid = received - sum((m) => m.invalid);
  const replied = sum((m) => m.replied);
  const onTime = sum((m) => m.repliedOnTime);
  const due = sum((m) => m.due);
  const tripped = sites.filter((s) => s.standing?.status === 'tripped');
  const warned = sites.filter((s) => s.standing?.status === 'warning');

  // 一、总体情况
  const perLevel = SITE_LEVELS.map((level) => {
    const members = sites.filter((s) => s.site.level === level);
    return { level, members, articles: members.reduce((acc, s) => acc + total(s.mix), 0) };
  }).filter((l) => l.members.length > 0);
  const overall = [
    `${when}，${input.groupName}${sites.length}个网站共发布信息${articles}条，其中${perLevel.map((l) => `${LEVEL_TITLES[l.level]}${l.articles}条`).join('、')}。`,
    received === 0
      ? '期间未收到网民留言。'
      : `期间共收到网民留言${received}条，有效留言${valid}条，已答复${replied}条，答复率${valid > 0 ? percent(replied / valid) : '—'}，按期答复率${due > 0 ? percent(onTime / due) : '—'}。`,
    `截至${chineseDate(asOf)}，对照国办秘函〔2019〕19号单项否决指标，${tripped.length}个网站触发单项否决，${warned.length}个网站有指标距否决不足${veto.warnDays}天，其余${sites.length - tripped.length - warned.length}个网站各项指标正常。`,
  ];

  // 二、表扬
  const praised = new Map<string, { site: NamedSite['site']; reasons: string[] }>();
  const praise = (s: NoticeSite, reason: string) => {
    const entry = praised.get(s.site.documentId) ?? { site: strip(s.site), reasons: [] };
    entry.reasons.push(reason);
    praised.set(s.site.documentId, entry);
  };
  const praiseLines: string[] = [];
  for (const { level, members } of perLevel) {
    const top = denseRank(
      members.map((s) => ({
        ...s,
        articles: total(s.mix),
        sortOrder: s.site.sortOrder,
        code: s.site.code,
      }))
    ).filter((s) => s.articles > 0 && s.rank <= t.topPerLevel);
    if (top.length === 0) continue;
    for (const s of top)
      praise(s, `信息发布量居${LEVEL_TITLES[level]}第${s.rank}位（${s.articles}条）`);
    praiseLines.push(
      `${LEVEL_TITLES[level]}中，${top.map((s) => `${s.site.name}（${s.articles}条）`).join('、')}信息发布量位居前列。`
    );
  }
  const prompt = sites
    .filter(
      (s) =>
        s.messages &&
        s.messages.received >= t.minMessages &&
        s.messages.replied > 0 &&
        s.messages.repliedOnTime === s.messages.replied &&
        s.messages.open === 0
    )
    .sort((a, b) => b.messages!.replied - a.messages!.replied)
    .slice(0, t.maxListed);
  for (const s of prompt) praise(s, `${s.messages!.replied}条留言全部按期答复`);
  if (prompt.length > 0) {
    praiseLines.push(
      `${prompt.map((s) => `${s.site.name}（${s.messages!.replied}条）`).join('、')}期间收到的网民留言全部按期答复，答复量位居前列。`
    );
  }
  if (praiseLines.length === 0) praiseLines.push('本期无符合表扬条件的网站。');

  // 三、存在的问题: each finding names the site, with its figures.
  const named = new Map<string, NamedSite>();
  const name = (s: NoticeSite, problem: string) => {
    const entry = named.get(s.site.documentId) ?? { site: strip(s.site), problems: [] };
    entry.problems.push(problem);
    named.set(s.site.documentId, entry);
    return problem;
  };
  const verdict = (s: NoticeSite, rule: string) =>
    s.standing?.rules.find((r) => r.rule === rule && r.status === 'tripped');
  const columnsOf = (s: NoticeSite, pick: (c: SiteOversight['columns'][number]) => boolean) =>
    (s.standing?.columns ?? [])
      .filter(pick)
      .map((c) => c.name)
      .join('、');

  // One sentence per rule broken, naming every site that broke it with its figure ("以下3个网站
  // 首页超过2周未更新：A（35天）、B（20天）…"); the per-site problems go to the rectification tasks.
  const findings: Finding[] = [];
  const find = (s: NoticeSite, kind: FindingKind, figure: string, problem: string) =>
    findings.push({ kind, site: s.site.name, figure, problem: name(s, problem) });
  for (const s of sites) {
    const home = verdict(s, 'homePage');
    if (home) {
      if (home.value === null) find(s, 'never', '', `${s.site.name}从未发布信息`);
      else find(s, 'homePage', `${home.value}天`, `${s.site.name}首页已${home.value}天未更新`);
    }
    const stale = verdict(s, 'staleColumns');
    if (stale) {
      const which = columnsOf(s, (c) => c.stale);
      find(
        s,
        'staleColumns',
        `${stale.value}个${which ? `：${which}` : ''}`,
        `${s.site.name}有${stale.value}个栏目超期未更新（${which}）`
      );
    }
    const idle = verdict(s, 'longIdleColumns');
    if (idle)
      find(
        s,
        'longIdleColumns',
        `${idle.value}个`,
        `${s.site.name}有${idle.value}个栏目一年以上未更新`
      );
    const empty = verdict(s, 'emptyColumns');
    if (empty) {
      const which = columnsOf(s, (c) => c.empty);
      find(
        s,
        'emptyColumns',
        `${empty.value}个${which ? `：${which}` : ''}`,
        `${s.site.name}有${empty.value}个栏目无任何内容（${which}）`
      );
    }
  }
  for (const s of sites) {
    const waiting = verdict(s, 'unansweredMessage');
    if (waiting)
      find(
        s,
        'unanswered',
        `最早一条已等待${waiting.value}天`,
        `${s.site.name}有网民留言超过3个月未答复（最早一条已等待${waiting.value}天）`
      );
    const m = s.messages;
    if (m && m.overdue > 0 && !waiting)
      find(
        s,
        'overdue',
        `${m.overdue}条`,
        `${s.site.name}有${m.overdue}条留言超过答复期限仍未答复`
      );
    if (
      m &&
      m.received >= t.minMessages &&
      m.due > 0 &&
      m.repliedOnTime / m.due < t.lowOnTimeRate
    ) {
      // The page's 按期答复率: an overdue message not yet answered counts against it.
      const rate = percent(m.repliedOnTime / m.due);
      const figures = `答复${m.replied}条，按期${m.repliedOnTime}条${m.overdue > 0 ? `，超期未答复${m.overdue}条` : ''}`;
      find(
        s,
        'lowOnTime',
        `${rate}，${figures}`,
        `${s.site.name}按期答复率仅${rate}（${figures}）`
      );
    }
  }
  // 内容巡检: what the inspection found online and the site has neither corrected nor judged 误报.
  for (const s of sites) {
    const wording = verdict(s, 'seriousWording');
    if (wording)
      find(
        s,
        'seriousWording',
        `${wording.value}处`,
        `${s.site.name}经内容巡检发现${wording.value}处严重表述错误或禁用词未整改`
      );
    const personal = verdict(s, 'personalData');
    if (personal)
      find(
        s,
        'personalData',
        `${personal.value}处`,
        `${s.site.name}经内容巡检发现${personal.value}处未脱敏的个人信息仍在网上`
      );
  }
  const grouped = (kinds: FindingKind[]) =>
    groupedSentences(
      findings.filter((f) => kinds.includes(f.kind)),
      { homePageDays: veto.homePageDays, lowOnTimeRate: t.lowOnTimeRate }
    );
  const updates = grouped(['never', 'homePage', 'staleColumns', 'longIdleColumns', 'emptyColumns']);
  const late = grouped(['unanswered', 'overdue', 'lowOnTime']);
  const unsafe = grouped(['seriousWording', 'personalData']);
  const groupMix = sites.reduce(
    (acc, s) => ({
      workNews: acc.workNews + s.mix.workNews,
      analysis: acc.analysis + s.mix.analysis,
    }),
    { workNews: 0, analysis: 0 }
  );
  // The sites furthest from balance, the lowest share first, then the most published.
  const share = (s: NoticeSite) => s.mix.analysis / total(s.mix);
  const imbalanced = sites
    .filter((s) => total(s.mix) >= t.minArticlesForMix && share(s) < t.lowAnalysisShare)
    .sort((a, b) => share(a) - share(b) || total(b.mix) - total(a.mix))
    .slice(0, t.maxListed);
  const imbalance =
    articles === 0
      ? []
      : [
          `全部信息中工作动态类占${percent(groupMix.workNews / articles)}，政策解读、调研和理论文章仅占${percent(groupMix.analysis / articles)}。` +
            (imbalanced.length > 0
              ? `其中，${imbalanced.map((s) => name(s, `${s.site.name}发布信息${total(s.mix)}条，解读、调研类${s.mix.analysis}条，仅占${percent(share(s))}`)).join('；')}。`
              : ''),
        ];
  const none = '本期未发现此类问题。';
  const problems = [
    `（一）网站更新不及时。${updates.length > 0 ? `${updates.join('；')}。` : none}`,
    `（二）网民留言办理不到位。${late.length > 0 ? `${late.join('；')}。` : none}`,
    `（三）信息结构不平衡。${imbalance.length > 0 ? imbalance.join('') : none}`,
    `（四）内容安全存在隐患。${unsafe.length > 0 ? `${unsafe.join('；')}。` : none}`,
  ];

  // 四、工作要求
  const { staleAfterDays: stale, replyWorkingDays: days } = input;
  const requirements = [
    named.size > 0
      ? `一是认真整改。被通报的网站要于${chineseDate(input.deadline)}前完成整改，并在后台“站群管理 → 整改任务”中提交整改情况和佐证材料，逾期未整改的将再次通报。`
      : '一是巩固成果。各网站要保持良好运行状态，防止出现反弹。',
    `二是对照指标自查。首页和动态类栏目更新间隔不得超过${Math.min(veto.homePageDays, stale.news)}天，通知公告、政策文件类栏目更新间隔不得超过${Math.max(stale.notice, stale.policy)}天，不得出现空白栏目。`,
    `三是按时答复留言。咨询类留言须在${days.consultation}个工作日内、投诉和建议类须在${Math.max(days.complaint, days.suggestion)}个工作日内答复，有效留言不得超过3个月未答复。`,
    '四是改进信息结构。加强政策解读、调研文章和理论文章的撰写，改变以工作动态为主的信息结构。',
    '五是守住内容安全底线。严格执行信息发布审核制度，对内容巡检发现的严重表述错误、禁用词和未脱敏的个人信息立即修改或撤稿，确属误报的标记误报并说明理由。',
  ];

  const sections = [
    { heading: '总体情况', paragraphs: overall },
    { heading: '表扬', paragraphs: praiseLines },
    { heading: '存在的问题', paragraphs: problems },
    { heading: '工作要求', paragraphs: requirements },
  ].map((section, i) => ({ ...section, heading: `${NUMERALS[i]}、${section.heading}` }));

  return {
    title: `关于${when}${input.groupName}监测情况的通报`,
    sections,
    praised: [...praised.values()],
    named: [...named.values()],
  };
};

const strip = ({ documentId, code, name, level }: NoticeSite['site']): NamedSite['site'] => ({
  documentId,
  code,
  name,
  level,
});
