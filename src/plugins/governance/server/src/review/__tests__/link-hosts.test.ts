import { siteDomains } from '../../rankings/visit-domains';
import { linkHits, ruleFor } from '../link-hosts';

const body = (...links: Array<[string, string]>) => [
  {
    type: 'paragraph',
    children: links.map(([url, text]) => ({
      type: 'link',
      url,
      children: [{ type: 'text', text }],
    })),
  },
];
const own = [siteDomains('http://www.xa.gov.cn/', '*.shaanxi.gov.cn')];
const rules = [
  { host: 'gov.cn', list: 'allow' as const },
  { host: 'example.com', list: 'deny' as const },
  { host: 'ok.example.com', list: 'allow' as const },
  { host: 'both.org', list: 'allow' as const },
  { host: 'both.org', list: 'deny' as const },
];

it('decides by the most specific rule, deny before allow at the same host', () => {
  expect(ruleFor('www.gov.cn', rules)?.list).toBe('allow');
  expect(ruleFor('a.example.com', rules)?.list).toBe('deny');
  expect(ruleFor('ok.example.com', rules)?.list).toBe('allow');
  expect(ruleFor('x.ok.example.com', rules)?.list).toBe('allow');
  expect(ruleFor('both.org', rules)?.list).toBe('deny');
  // A name that only ends like a listed host is not under it.
  expect(ruleFor('notexample.com', rules)).toBeUndefined();
});

it('finds links to denied hosts as forbidden and to unlisted hosts as to check; the group’s own and allowed ones not', () => {
  const hits = linkHits(
    body(
      ['http://www.xa.gov.cn/xwzx/1.html', '本站'],
      ['https://www.shaanxi.gov.cn/', '省政府'],
      ['https://www.gov.cn/zhengce/', '中国政府网'],
      ['http://casino.example.com/', '点击领取'],
      ['https://news.other.org/a', '相关报道'],
      ['https://news.other.org/a', '又一次'],
      ['/uploads/plan.pdf', '附件'],
      ['mailto:office@xa.gov.cn', '来信']
    ),
    rules,
    own
  );
  expect(hits.map((hit) => [hit.kind, hit.level, hit.word, hit.found, hit.context])).toEqual([
    [
      'deniedLink',
      'forbidden',
      'casino.example.com',
      'http://casino.example.com/',
      '点击领取（http://casino.example.com/）',
    ],
    [
      'externalLink',
      'check',
      'news.other.org',
      'https://news.other.org/a',
      '相关报道（https://news.other.org/a）',
    ],
  ]);
});
