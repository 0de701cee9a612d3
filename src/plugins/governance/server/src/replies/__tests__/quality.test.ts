import { DEFAULT_REPLY_QUALITY, replyFlags } from '../quality';

const flags = (reply: string, unit: string | null = '西安市民政局') =>
  replyFlags(reply, unit, DEFAULT_REPLY_QUALITY);

describe('reply quality flags', () => {
  it('passes an answer that addresses the matter and names its unit', () => {
    expect(
      flags(
        '您好，高龄补贴由户籍所在地街道办事处受理，请携带身份证和户口簿办理，审核通过后次月发放。'
      )
    ).toEqual([]);
  });

  it('flags a reply made of set phrases, however long', () => {
    const courtesy =
      '您好！感谢您对我们工作的关注和支持。您的留言已收悉，已转相关部门办理，请咨询相关部门。欢迎再次留言。';
    expect(flags(courtesy)).toEqual(['templatePhrase']);
  });

  it('flags a short reply, and one without its unit', () => {
    expect(flags('请到街道办事处申请。')).toEqual(['tooShort']);
    expect(
      flags('您好，高龄补贴由户籍所在地街道办事处受理，请携带身份证和户口簿办理。', '  ')
    ).toEqual(['noUnit']);
  });

  it('counts characters as people do (an emoji is one)', () => {
    const reply = '办'.repeat(29) + '😀';
    expect(flags(reply)).toEqual([]);
    expect(flags(reply.slice(0, -2))).toContain('tooShort');
  });
});
