import { imageUrlsOf, refusedImageUrl, sanitizeBody } from '../body';

const link = (url: string) => ({ type: 'link', url, children: [{ type: 'text', text: '链接' }] });
const paragraph = (...children: unknown[]) => [{ type: 'paragraph', children }];

describe('sanitizeBody', () => {
  it.each([
    'https://www.gov.cn/',
    'http://example.org/a?b=c',
    'mailto:office@example.org',
    '/news/1',
    '#top',
  ])('keeps a link to %s', (url) => {
    expect(sanitizeBody(paragraph(link(url)))).toEqual(paragraph(link(url)));
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '//evil.example/x',
    '/\\evil.example',
    'vbscript:x',
  ])('reduces a link to %s to its text', (url) => {
    expect(sanitizeBody(paragraph({ type: 'text', text: '见' }, link(url)))).toEqual(
      paragraph({ type: 'text', text: '见' }, { type: 'text', text: '链接' })
    );
  });

  it('cleans links nested in lists', () => {
    const body = [
      {
        type: 'list',
        format: 'unordered',
        children: [{ type: 'list-item', children: [link('javascript:x')] }],
      },
    ];
    expect(sanitizeBody(body)).toEqual([
      {
        type: 'list',
        format: 'unordered',
        children: [{ type: 'list-item', children: [{ type: 'text', text: '链接' }] }],
      },
    ]);
  });

  it("leaves a value that is not a block list to Strapi's validator", () => {
    expect(sanitizeBody(null)).toBeNull();
    expect(sanitizeBody('text')).toBe('text');
  });
});

describe('image blocks', () => {
  const image = (url: string, formats: Record<string, { url: string }> | null = null) => ({
    type: 'image',
    image: { name: 'x.png', url, formats, previewUrl: null },
    children: [{ type: 'text', text: '' }],
  });
  const library = new Set(['/uploads/seal_1a2b.png', '/uploads/thumbnail_seal_1a2b.png']);
  const hosts = ['img.example.gov.cn'];

  it('lists every URL an image carries, formats included', () => {
    expect(
      imageUrlsOf([
        image('/uploads/seal_1a2b.png', { thumbnail: { url: '/uploads/thumbnail_seal_1a2b.png' } }),
      ])
    ).toEqual(['/uploads/seal_1a2b.png', '/uploads/thumbnail_seal_1a2b.png']);
    expect(imageUrlsOf(paragraph(link('https://x')))).toEqual([]);
  });

  it.each([
    ['a media library file', '/uploads/seal_1a2b.png'],
    ['an image on an allowed host', 'https://img.example.gov.cn/2014/a.png'],
    ['an allowed host in capitals', 'https://IMG.example.gov.cn/a.png'],
  ])('keeps %s', (_what, url) => {
    expect(refusedImageUrl([image(url)], library, hosts)).toBeNull();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['another host', 'https://evil.example/x.png'],
    ['a protocol-relative URL', '//evil.example/x.png'],
    [
      'a host that only starts like an allowed one',
      'https://img.example.gov.cn.evil.example/x.png',
    ],
    ['an upload path that is not in the library', '/uploads/unknown.png'],
    ['an allowed host over another scheme', 'ftp://img.example.gov.cn/a.png'],
  ])('refuses %s', (_what, url) => {
    expect(refusedImageUrl([image(url)], library, hosts)).toBe(url);
  });

  it('refuses a library image whose formats point elsewhere', () => {
    const body = [image('/uploads/seal_1a2b.png', { thumbnail: { url: 'javascript:alert(1)' } })];
    expect(refusedImageUrl(body, library, hosts)).toBe('javascript:alert(1)');
  });
});
