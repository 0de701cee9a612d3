/** The inspection notice's sentences from crafted figures: who is praised, who is named and why. */
import type { MessageFigures } from '../../../../shared/contracts/messages';
import type { RuleVerdict, SiteOversight } from '../../../../shared/contracts/oversight';
import {
  inspectionNotice,
  periodName,
  type NoticeInput,
  type NoticeSite,
  type NoticeThresholds,
} from '../inspection-notice';

const T: NoticeThresholds = {
  topPerLevel: 2,
  minMessages: 5,
  lowOnTimeRate: 0.8,
  minArticlesForMix: 20,
  lowAnalysisShare: 0.05,
  rectificationDays: 30,
  maxListed: 2,
};

const messages = (
  received: number,
  replied: number,
  onTime: number,
  overdue = 0
): MessageFigures => ({
  received,
  invalid: 0,
  invalidPending: 0,
  invalidRate: received ? 0 : null,
  flagged: 0,
  replied,
  publiclyAnswered: 0,
  repliedOnTime: onTime,
  repliedByFirstDeadline: onTime,
  dueByFirstDeadline: replied + overdue,
  open: received - replied,
  overdue,
  due: replied + overdue,
  rated: 0,
  satisfied: 0,
  neutral: 0,
  unsatisfied: 0,
  satisfactionRate: null,
  spotChecked: 0,
  substandard: 0,
  transfersOut: 0,
  transfersIn: 0,
  returnsReceived: 0,
  overdueHoldings: 0,
  lateTransfers: 0,
  averageWorkingDays: null,
  replyRate: received ? replied / received : null,
  onTimeRate: replied + overdue ? onTime / (replied + overdue) : null,
  firstDeadlineOnTimeRate: replied + overdue ? onTime / (replied + overdue) : null,
});

const tripped = (rule: RuleVerdict['rule'], value: number): RuleVerdict => ({
  rule,
  status: 'tripped',
  value,
  threshold: 14,
  daysLeft: 0,
});

const site = (
  code: string,
  over: Partial<NoticeSite> & { articles?: number; analysis?: number } = {}
): NoticeSite => {
  const articles = over.articles ?? 30;
  const analysis = over.analysis ?? 5;
  return {
    site: { documentId: code, code, name: `${code}县`, level: 'county', sortOrder: 0 },
    mix: { workNews: articles - analysis, analysis, disclosure: 0, other: 0 },
    messages: over.messages ?? null,
    standing: over.standing ?? null,
  };
};

const input = (sites: NoticeSite[]): NoticeInput => ({
  groupName: '测试网站群',
  period: { from: '2026-01-01', to: '2026-03-31' },
  asOf: '2026-03-31',
  deadline: '2026-04-30',
  sites,
  veto: {
    homePageDays: 14,
    staleColumns: 5,
    longIdleDays: 365,
    longIdleColumns: 10,
    emptyColumns: 5,
    warnDays: 7,
  },
  staleAfterDays: { news: 14, notice: 183, policy: 183 },
  replyWorkingDays: { consultation: 5, complaint: 15, suggestion: 15 },
});

const standing = (rules: RuleVerdict[]) =>
  ({ status: 'tripped', rules, columns: [] }) as unknown as SiteOversight;

it('praises the top sites of each level by articles, densely ranked, and names none without problems', () => {
  const notice = inspectionNotice(
    input([
      site('a', { articles: 50 }),
      site('b', { articles: 50 }),
      site('c', { articles: 40 }),
      site('d', { articles: 10 }),
    ]),
    T
  );
  expect(notice.sections[1].paragraphs[0]).toBe(
    '县级民政网站中，a县（50条）、b县（50条）、c县（40条）信息发布量位居前列。'
  );
  expect(notice.named).toEqual([]);
  expect(notice.sections[2].paragraphs).toEqual([
    '（一）网站更新不及时。本期未发现此类问题。',
    '（二）网民留言办理不到位。本期未发现此类问题。',
    '（三）信息结构不平衡。全部信息中工作动态类占86.7%，政策解读、调研和理论文章仅占13.3%。',
    '（四）内容安全存在隐患。本期未发现此类问题。',
  ]);
});

it('praises sites that answered every message on time, from the minimum number, at most maxListed', () => {
  const sites = [
    site('four', { messages: messages(4, 4, 4) }),
    site('late', { messages: messages(9, 9, 8) }),
    site('most', { messages: messages(20, 20, 20) }),
    site('more', { messages: messages(10, 10, 10) }),
    site('few', { messages: messages(6, 6, 6) }),
  ];
  const praise = inspectionNotice(input(sites), T).sections[1].paragraphs.at(-1);
  expect(praise).toBe(
    'most县（20条）、more县（10条）期间收到的网民留言全部按期答复，答复量位居前列。'
  );
});

it('names each site with its problem and its figures', () => {
  const notice = inspectionNotice(
    input([
      site('idle', { standing: standing([tripped('homePage', 35)]) }),
      site('slow', { messages: messages(10, 10, 7) }),
      site('waiting', { messages: messages(6, 4, 4, 2) }),
      site('old', { standing: standing([{ ...tripped('unansweredMessage', 95), threshold: 92 }]) }),
    ]),
    T
  );
  expect(notice.named.map((n) => [n.site.code, n.problems])).toEqual([
    ['idle', ['idle县首页已35天未更新']],
    ['slow', ['slow县按期答复率仅70.0%（答复10条，按期7条）']],
    // 按期答复率 counts the unanswered overdue ones: 4 on time of 4 answered + 2 overdue.
    [
      'waiting',
      [
        'waiting县有2条留言超过答复期限仍未答复',
        'waiting县按期答复率仅66.7%（答复4条，按期4条，超期未答复2条）',
      ],
    ],
    ['old', ['old县有网民留言超过3个月未答复（最早一条已等待95天）']],
  ]);
  expect(notice.sections[3].paragraphs[0]).toContain('被通报的网站要于2026年4月30日前完成整改');
});

it('names the sites whose serious inspection findings are still open, for their rectification', () => {
  const notice = inspectionNotice(
    input([
      site('wrong', { standing: standing([tripped('seriousWording', 2)]) }),
      site('leaks', { standing: standing([tripped('personalData', 1)]) }),
      site('both', {
        standing: standing([tripped('seriousWording', 1), tripped('personalData', 3)]),
      }),
      site('clean', { standing: standing([]) }),
    ]),
    T
  );
  expect(notice.named.map((n) => [n.site.code, n.problems])).toEqual([
    ['wrong', ['wrong县经内容巡检发现2处严重表述错误或禁用词未整改']],
    ['leaks', ['leaks县经内容巡检发现1处未脱敏的个人信息仍在网上']],
    [
      'both',
      [
        'both县经内容巡检发现1处严重表述错误或禁用词未整改',
        'both县经内容巡检发现3处未脱敏的个人信息仍在网上',
      ],
    ],
  ]);
  expect(notice.sections[2].paragraphs[3]).toBe(
    '（四）内容安全存在隐患。以下2个网站经内容巡检发现严重表述错误或禁用词未整改：wrong县（2处）、both县（1处）；以下2个网站经内容巡检发现未脱敏的个人信息仍在网上：leaks县（1处）、both县（3处）。'
  );
  expect(notice.sections[3].paragraphs.at(-1)).toContain('立即修改或撤稿');
});

it('names the sites furthest from a balanced mix, the lowest share first, at most maxListed', () => {
  const notice = inspectionNotice(
    input([
      site('small', { articles: 10, analysis: 0 }),
      site('half', { articles: 100, analysis: 1 }),
      site('none', { articles: 40, analysis: 0 }),
      site('nil', { articles: 60, analysis: 0 }),
      site('ok', { articles: 100, analysis: 10 }),
    ]),
    T
  );
  expect(notice.named.map((n) => n.site.code)).toEqual(['nil', 'none']);
  expect(notice.sections[2].paragraphs[2]).toContain(
    '其中，nil县发布信息60条，解读、调研类0条，仅占0.0%；none县发布信息40条'
  );
});

it('groups the sites that broke the same rule into one sentence, each with its figure', () => {
  const notice = inspectionNotice(
    input([
      site('a', { standing: standing([tripped('homePage', 35)]) }),
      site('b', { standing: standing([tripped('homePage', 20), tripped('longIdleColumns', 12)]) }),
      site('c', { standing: standing([tripped('homePage', 15)]) }),
      site('d', { messages: messages(10, 10, 7) }),
      site('e', { messages: messages(10, 10, 5) }),
    ]),
    T
  );
  expect(notice.sections[2].paragraphs[0]).toBe(
    '（一）网站更新不及时。以下3个网站首页超过2周未更新：a县（35天）、b县（20天）、c县（15天）；b县有12个栏目一年以上未更新。'
  );
  expect(notice.sections[2].paragraphs[1]).toBe(
    '（二）网民留言办理不到位。以下2个网站按期答复率低于80.0%：d县（70.0%，答复10条，按期7条）、e县（50.0%，答复10条，按期5条）。'
  );
  // Each site keeps its own problems for its rectification task.
  expect(notice.named.find((n) => n.site.code === 'b')?.problems).toEqual([
    'b县首页已20天未更新',
    'b县有12个栏目一年以上未更新',
  ]);
});

describe.each([
  ['2026-01-01', '2026-03-31', '2026年第一季度'],
  ['2026-07-01', '2026-09-30', '2026年第三季度'],
  ['2026-10-01', '2026-12-31', '2026年第四季度'],
  ['2026-01-01', '2026-06-30', '2026年上半年'],
  ['2026-07-01', '2026-12-31', '2026年下半年'],
  ['2026-01-01', '2026-12-31', '2026年'],
  ['2026-02-01', '2026-02-28', '2026年2月'],
  ['2026-07-01', '2026-09-29', '2026年7月1日至2026年9月29日'],
  ['2026-02-01', '2026-04-30', '2026年2月1日至2026年4月30日'],
])('periodName(%s, %s)', (from, to, name) => {
  it(`is ${name}, in the title and the first sentence`, () => {
    expect(periodName(from, to)).toBe(name);
    const notice = inspectionNotice({ ...input([site('a')]), period: { from, to } }, T);
    expect(notice.title).toBe(`关于${name}测试网站群监测情况的通报`);
    expect(notice.sections[0].paragraphs[0].startsWith(`${name}，测试网站群`)).toBe(true);
  });
});
