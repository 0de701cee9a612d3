import { sanitizeBody } from '../body';

const link = (url: string) => ({ type: 'link', url, children: [{ type: 'text', text: '链接' }] });
const paragraph = (...children: unknown[]) => [{ type: 'paragraph', children }];

describe('sanitizeBody', () => {
  it.each(['https://www.gov.cn/', 'http://example.org/a?b=c', 'mailto:office@example.org', '/news/1', '#top'])(
    'keeps a link to %s',
    (url) => {
      expect(sanitizeBody(paragraph(link(url)))).toEqual(paragraph(link(url)));
    }
  );

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', '//evil.example/x', '/\\evil.example', 'vbscript:x'])(
    'reduces a link to %s to its text',
    (url) => {
      expect(sanitizeBody(paragraph({ type: 'text', text: '见' }, link(url)))).toEqual(
        paragraph({ type: 'text', text: '见' }, { type: 'text', text: '链接' })
      );
    }
  );

  it('cleans links nested in lists', () => {
    const body = [{ type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [link('javascript:x')] }] }];
    expect(sanitizeBody(body)).toEqual([
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '链接' }] }] },
    ]);
  });

  it('leaves a value that is not a block list to Strapi\'s validator', () => {
    expect(sanitizeBody(null)).toBeNull();
    expect(sanitizeBody('text')).toBe('text');
  });
});
