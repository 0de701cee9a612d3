import { blocksToText, createWordScanner } from '../sensitive-words';

const scan = createWordScanner([
  { word: '国家机密', level: 'forbidden' },
  { word: '省民政局', level: 'check', suggestion: '省民政厅' },
  { word: '机密', level: 'forbidden' },
]);

describe('the sensitive-word scanner', () => {
  it('finds every occurrence with its field, position and context', () => {
    const hits = scan({ title: '省民政局召开会议', summary: '会议传达了省民政局通知' });
    expect(hits).toEqual([
      { word: '省民政局', level: 'check', suggestion: '省民政厅', field: 'title', start: 0, end: 4, context: '省民政局召开会议' },
      { word: '省民政局', level: 'check', suggestion: '省民政厅', field: 'summary', start: 5, end: 9, context: '会议传达了省民政局通知' },
    ]);
  });

  it('reports overlapping words, the longer and the shorter', () => {
    const words = scan({ body: '不得涉及国家机密' }).map((h) => h.word).sort();
    expect(words).toEqual(['国家机密', '机密']);
  });

  it('finds nothing in clean text or with an empty list', () => {
    expect(scan({ title: '西安市召开低保工作会议' })).toEqual([]);
    expect(createWordScanner([])({ title: '国家机密' })).toEqual([]);
  });

  it('reads a blocks body as its text, block by block', () => {
    const body = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: '一、' }, { type: 'text', text: '总体情况' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '详见' }, { type: 'link', url: 'https://x', children: [{ type: 'text', text: '通知' }] }] },
    ];
    expect(blocksToText(body)).toBe('一、总体情况\n详见通知');
    expect(blocksToText(null)).toBe('');
  });
});
