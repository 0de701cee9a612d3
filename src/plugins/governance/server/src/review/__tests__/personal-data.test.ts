/** Personal data in an article's text (personal-data.ts): what is found, where, and what is not. */
import { scanPersonalData } from '../personal-data';

const found = (text: string | string[]) =>
  scanPersonalData({ body: text }).map((hit) => [hit.word, hit.level, hit.found ?? text]);

describe('personal data', () => {
  it('finds a resident ID number with a valid check character, and blocks it', () => {
    const [hit] = scanPersonalData({ body: '申请人张三，身份证号610102198506123015，住西安。' });
    expect(hit).toMatchObject({
      word: '身份证号码',
      level: 'forbidden',
      kind: 'personalData',
      field: 'body',
      start: 10,
      end: 28,
      found: '610102198506123015',
    });
    expect(found('证件号码：11010519491231002x')).toEqual([
      ['身份证号码', 'forbidden', '11010519491231002x'],
    ]);
  });

  it('reads full-width digits and spaces as the word check does, and reports the text as written', () => {
    expect(found('身份证：６１０１０２ １９８５０６１２ ３０１５')).toEqual([
      ['身份证号码', 'forbidden', '６１０１０２ １９８５０６１２ ３０１５'],
    ]);
  });

  it('leaves alone masked numbers, a wrong check character, an impossible date and longer numbers', () => {
    expect(found('身份证号610102********3015')).toEqual([]);
    expect(found('编号610102198506123016')).toEqual([]);
    expect(found('编号610102198502303015')).toEqual([]);
    expect(found('流水号9610102198506123015')).toEqual([]);
  });

  it('shows mobile and bank card numbers to the reviewers without blocking', () => {
    expect(found('联系电话：138-1234-5678；手机13912345678')).toEqual([
      ['手机号码', 'check', '138-1234-5678'],
      ['手机号码', 'check', '13912345678'],
    ]);
    expect(found('收款账号 6217 0012 3456 7890 122')).toEqual([
      ['银行卡号', 'check', '6217 0012 3456 7890 122'],
    ]);
    expect(found('账号6217001234567890123')).toEqual([]);
    expect(found('手机138****5678，座机029-12345678')).toEqual([]);
  });

  it('counts positions in the whole field, line after line', () => {
    const [hit] = scanPersonalData({ body: ['第一段。', '电话13912345678'] });
    expect([hit.start, hit.end, hit.context]).toEqual([7, 18, '第一段。\n电话13912345678']);
  });
});
