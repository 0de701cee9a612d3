import { contentHash } from '../content-hash';

const article = {
  title: '西安市召开低保工作会议',
  summary: '会议部署了2014年工作',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }],
  column: '工作动态',
  isSpecialTopic: false,
  site: { documentId: 'site-xian' },
};

describe('contentHash', () => {
  it('is the same for the same content, whatever the key order', () => {
    const reordered = { site: 'site-xian', isSpecialTopic: false, column: '工作动态', body: article.body, summary: article.summary, title: article.title };
    expect(contentHash(reordered)).toBe(contentHash(article));
  });

  it('ignores fields a review does not cover', () => {
    expect(contentHash({ ...article, updatedAt: new Date() } as typeof article)).toBe(contentHash(article));
  });

  it('treats missing and empty optional values alike', () => {
    expect(contentHash({ ...article, summary: '' })).toBe(contentHash({ ...article, summary: undefined }));
  });

  it.each([
    ['the title', { title: '西安市召开低保工作会议!' }],
    ['the summary', { summary: '会议部署了2015年工作' }],
    ['a word of the body', { body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文。' }] }] }],
    ['the column', { column: '通知公告' }],
    ['the special-topic flag', { isSpecialTopic: true }],
    ['the site', { site: { documentId: 'site-baoji' } }],
  ])('changes when %s changes', (_what, change) => {
    expect(contentHash({ ...article, ...change })).not.toBe(contentHash(article));
  });
});
