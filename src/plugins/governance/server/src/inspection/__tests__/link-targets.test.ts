/**
 * What an article links to, as the link check keys it (link-targets.ts): which addresses are
 * checked, how a site-relative one is made absolute, which of the group's own paths the CMS
 * answers for without a request; and how a failure reads in a finding (messages.ts).
 */
import { siteDomains } from '../../rankings/visit-domains';
import { linkTargetsOf, normaliseUrl, ownPathOf, siteBase, urlHashOf } from '../link-targets';
import { failureText, type LinkFailureKind } from '../messages';

const BASE = 'http://www.xa.gov.cn';

describe.each([
  ['http://Example.COM/a?b=1#part', BASE, 'http://example.com/a?b=1'],
  ['https://example.com', BASE, 'https://example.com/'],
  ['/uploads/plan.pdf', BASE, 'http://www.xa.gov.cn/uploads/plan.pdf'],
  ['  /news/a.html#top ', BASE, 'http://www.xa.gov.cn/news/a.html'],
  ['/news/a.html', null, '/news/a.html'],
  ['mailto:office@xa.gov.cn', BASE, null],
  ['#section', BASE, null],
  ['//evil.example/x', BASE, null],
  ['javascript:alert(1)', BASE, null],
  ['ftp://files.example/x', BASE, null],
])('normaliseUrl(%j, %j)', (raw, base, expected) => {
  it(`is ${JSON.stringify(expected)}`, () => expect(normaliseUrl(raw, base)).toBe(expected));
});

describe.each([
  ['http://www.xa.gov.cn/path', 'http://www.xa.gov.cn'],
  ['www.xa.gov.cn', 'http://www.xa.gov.cn'],
  ['', null],
  [null, null],
])('siteBase(%j)', (url, expected) => {
  it(`is ${JSON.stringify(expected)}`, () => expect(siteBase(url)).toBe(expected));
});

describe('ownPathOf', () => {
  const own = [siteDomains('http://www.xa.gov.cn', '*.xa.gov.cn\nxian.example')];
  it.each([
    ['http://www.xa.gov.cn/', { kind: 'home' }],
    ['/', { kind: 'home' }],
    [
      'http://www.xa.gov.cn/uploads/plan_1a2b.pdf',
      { kind: 'upload', path: '/uploads/plan_1a2b.pdf' },
    ],
    ['/uploads/photo.png', { kind: 'upload', path: '/uploads/photo.png' }],
    ['http://mz.xa.gov.cn/news/2026/policy-reading.html', { kind: 'page', slug: 'policy-reading' }],
    ['http://xian.example/a/b/notice-12.shtml?x=1', { kind: 'page', slug: 'notice-12' }],
    ['/column/news-3.htm', { kind: 'page', slug: 'news-3' }],
    ['/column/%E6%96%B0%E9%97%BB.html', { kind: 'page', slug: null }],
    ['http://www.other.gov.cn/news/a.html', null],
  ])('%s', (url, expected) => expect(ownPathOf(url, own)).toEqual(expected));
});

it('lists the links and images of a body once each, skipping what is no page', () => {
  const body = [
    {
      type: 'paragraph',
      children: [
        { type: 'link', url: 'http://example.com/a', children: [{ type: 'text', text: ' 原文 ' }] },
        {
          type: 'link',
          url: 'http://example.com/a#again',
          children: [{ type: 'text', text: '又' }],
        },
        { type: 'link', url: 'mailto:a@b.cn', children: [{ type: 'text', text: '来信' }] },
        { type: 'link', url: '/uploads/x.pdf', children: [{ type: 'text', text: '附件' }] },
      ],
    },
    {
      type: 'image',
      image: {
        url: '/uploads/photo.png',
        alternativeText: '会议现场',
        name: 'photo.png',
        formats: { thumbnail: { url: '/uploads/thumbnail_photo.png' } },
      },
      children: [{ type: 'text', text: '' }],
    },
  ];
  expect(linkTargetsOf(body, BASE)).toEqual([
    {
      url: 'http://example.com/a',
      urlHash: urlHashOf('http://example.com/a'),
      kind: 'link',
      text: '原文',
    },
    {
      url: 'http://www.xa.gov.cn/uploads/x.pdf',
      urlHash: urlHashOf('http://www.xa.gov.cn/uploads/x.pdf'),
      kind: 'link',
      text: '附件',
    },
    {
      url: 'http://www.xa.gov.cn/uploads/photo.png',
      urlHash: urlHashOf('http://www.xa.gov.cn/uploads/photo.png'),
      kind: 'image',
      text: '会议现场',
    },
  ]);
});

describe.each<[LinkFailureKind | null, number | null, string]>([
  ['http', 404, '404 页面不存在'],
  ['http', 500, '500 服务器错误'],
  ['http', 418, '418 无法访问'],
  ['http', 599, '599 服务器错误'],
  ['timeout', null, '超时'],
  ['dns', null, '域名无法解析'],
  ['refused', null, '拒绝连接'],
  ['tls', null, '证书错误'],
  ['redirects', 302, '重定向过多'],
  ['network', null, '无法访问'],
  ['missingFile', null, '文件不存在'],
  ['missingArticle', null, '文章不存在或已撤下'],
])('a %s failure (status %p)', (failure, status, text) => {
  it(`reads ${text}`, () => expect(failureText(failure, status)).toBe(text));
});
