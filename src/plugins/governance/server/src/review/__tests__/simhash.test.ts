import { bandsOf, hammingDistance, simhash, wording, wordingLength } from '../simhash';

const TEXT =
  '为深入贯彻落实全省民政工作会议精神，进一步加强城乡低保规范管理，市民政局召开全市社会救助工作推进会。会议总结了去年以来全市社会救助工作取得的成效，分析了当前面临的形势和任务，对今年重点工作作出安排部署。会议要求，各区县要把困难群众基本生活保障摆在更加突出的位置，完善最低生活保障、特困人员救助供养和临时救助制度，健全主动发现机制，做到应保尽保、应救尽救。要加强低保对象动态管理，严格审核审批程序，规范资金发放，坚决防止优亲厚友和骗取套取救助资金等问题。要推进社会救助服务向乡镇街道延伸，加强基层经办能力建设，提升救助服务的便利性和可及性。会议强调，各级民政部门要坚持以人民为中心的发展思想，切实增强责任感和紧迫感，加强与财政、人社、医保、住建、教育等部门的协调配合，形成工作合力。要强化监督检查，畅通投诉举报渠道，对发现的问题及时督促整改，对违纪违规行为严肃追责问责。';

describe('simhash', () => {
  it('reads only letters and digits, after the word check’s normalisation', () => {
    expect(wording('。')).toBe('');
    expect(wordingLength(' 通 ')).toBe(1);
    // Full-width, traditional and zero-width tricks read as the plain text.
    expect(wording('ＡＢ 絕\u200b密，2026')).toBe('ab绝密2026');
  });

  it('gives the same hash to the same wording, whatever the spacing, punctuation or script', () => {
    const hash = simhash(TEXT)!;
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(TEXT.replace(/，/g, ' ').replace(/社会/g, '社會'))).toBe(hash);
    expect(hammingDistance(hash, hash)).toBe(0);
  });

  it('puts a one-word change within 3 bits and an unrelated text far away', () => {
    const hash = simhash(TEXT)!;
    const changed = simhash(TEXT.replace('市民政局', '区民政局'))!;
    expect(hammingDistance(hash, changed)).toBeLessThanOrEqual(3);
    const other = simhash(
      '近日，省民政厅组织开展养老机构安全隐患专项排查整治行动，聚焦消防安全、食品安全、设施设备安全和服务安全，采取自查自纠、交叉检查和明查暗访相结合的方式，对全省养老机构进行全覆盖检查。'
    )!;
    expect(hammingDistance(hash, other)).toBeGreaterThan(10);
  });

  it('has nothing to hash in fewer than two characters', () => {
    expect(simhash('')).toBeNull();
    expect(simhash('通。')).toBeNull();
  });

  it('splits a hash into four 16-bit bands, which two hashes within 3 bits share at least one of', () => {
    expect(bandsOf('0123456789abcdef')).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    const a = 'ffff0000ffff0000';
    // Three bits flipped, in three bands: the fourth still matches.
    const b = 'fffe0001fffb0000';
    expect(hammingDistance(a, b)).toBe(3);
    expect(bandsOf(a).filter((band, i) => band === bandsOf(b)[i])).toHaveLength(1);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
  });
});
