import { blocksToLines, createWordScanner } from '../sensitive-words';

const scan = createWordScanner([
  { word: '国家机密', level: 'forbidden' },
  { word: '省民政局', level: 'check', suggestion: '省民政厅' },
  { word: '机密', level: 'forbidden' },
]);

describe('the sensitive-word scanner', () => {
  it('finds every occurrence with its field, position and context', () => {
    const hits = scan({ title: '省民政局召开会议', summary: '会议传达了省民政局通知' });
    expect(hits).toEqual([
      {
        word: '省民政局',
        level: 'check',
        suggestion: '省民政厅',
        field: 'title',
        start: 0,
        end: 4,
        context: '省民政局召开会议',
      },
      {
        word: '省民政局',
        level: 'check',
        suggestion: '省民政厅',
        field: 'summary',
        start: 5,
        end: 9,
        context: '会议传达了省民政局通知',
      },
    ]);
  });

  it('reports overlapping words, the longer and the shorter', () => {
    const words = scan({ body: '不得涉及国家机密' })
      .map((h) => h.word)
      .sort();
    expect(words).toEqual(['国家机密', '机密']);
  });

  it('finds nothing in clean text or with an empty list', () => {
    expect(scan({ title: '西安市召开低保工作会议' })).toEqual([]);
    expect(createWordScanner([])({ title: '国家机密' })).toEqual([]);
  });

  it('reads a blocks body as its text, block by block', () => {
    const body = [
      {
        type: 'heading',
        level: 2,
        children: [
          { type: 'text', text: '一、' },
          { type: 'text', text: '总体情况' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '详见' },
          { type: 'link', url: 'https://x', children: [{ type: 'text', text: '通知' }] },
        ],
      },
    ];
    expect(blocksToLines(body)).toEqual(['一、总体情况', '详见通知']);
    expect(blocksToLines(null)).toEqual([]);
  });
});

describe('the scanner against words written to dodge it', () => {
  const forbidden = createWordScanner([
    { word: '绝密', level: 'forbidden' },
    { word: 'abc', level: 'check' },
  ]);

  it.each([
    ['plain', '本件属绝密', '绝密', 3, 5],
    ['a zero-width space inside', '本件属绝\u200b密', '绝\u200b密', 3, 6],
    ['a space inside', '本件属绝 密', '绝 密', 3, 6],
    ['an ideographic space inside', '本件属绝\u3000密', '绝\u3000密', 3, 6],
    ['traditional characters', '本件屬絕密', '絕密', 3, 5],
    ['traditional, with a zero-width space', '絕\u200b密文件', '絕\u200b密', 0, 3],
    ['a dot between', '绝.密', '绝.密', 0, 3],
    ['a full-width asterisk between', '(绝＊密)', '绝＊密', 1, 4],
    ['a star between', '绝★密', '绝★密', 0, 3],
    ['a circle between', '属绝○密', '绝○密', 1, 4],
    ['a multiplication sign between', '绝×密件', '绝×密', 0, 3],
    ['a reference mark between', '绝※密', '绝※密', 0, 3],
    ['a heart between', '绝♥密', '绝♥密', 0, 3],
  ])('finds the word written %s, where it was written', (_how, text, found, start, end) => {
    const [hit] = forbidden({ body: text });
    expect(hit).toMatchObject({ word: '绝密', level: 'forbidden', start, end });
    expect(text.slice(hit.start, hit.end)).toBe(found);
    expect(hit.found ?? hit.word).toBe(found);
  });

  it.each([
    ['a comma', '拒绝，密码'],
    ['an enumeration comma', '拒绝、密码'],
    ['a full stop', '拒绝。密码'],
    ['a quote', '拒绝“密码”'],
    ['a title mark', '拒绝《密码法》'],
    ['an ellipsis', '拒绝……密码'],
  ])('finds no word across %s between two phrases', (_how, text) => {
    expect(forbidden({ body: text })).toEqual([]);
  });

  it.each([
    ['full-width letters', 'ＡＢＣ'],
    ['upper case', 'ABC'],
    ['full-width with a space', 'Ａ Ｂ Ｃ'],
  ])('finds a Latin word in %s', (_how, text) => {
    expect(forbidden({ title: `见${text}。` })).toEqual([
      expect.objectContaining({ word: 'abc', start: 1, end: 1 + text.length, found: text }),
    ]);
  });

  it('reads a listed word the same way: a traditional or spaced entry matches the simplified text', () => {
    const scan = createWordScanner([{ word: '內部 資料', level: 'forbidden' }]);
    expect(scan({ summary: '内部资料' })).toEqual([
      expect.objectContaining({ word: '內部 資料', start: 0, end: 4 }),
    ]);
  });

  it('keeps the stronger level when two listed forms are the same word', () => {
    const scan = createWordScanner([
      { word: '絕密', level: 'check' },
      { word: '绝密', level: 'forbidden' },
    ]);
    expect(scan({ title: '绝密' })).toEqual([
      expect.objectContaining({ word: '绝密', level: 'forbidden' }),
    ]);
  });

  it('searches a body block by block, with positions in its text', () => {
    const hits = forbidden({ body: ['第一段绝', '密。第二段绝\u200b密'] });
    expect(hits).toEqual([
      expect.objectContaining({ start: 10, end: 13, context: '第一段绝\n密。第二段绝\u200b密' }),
    ]);
  });
});
