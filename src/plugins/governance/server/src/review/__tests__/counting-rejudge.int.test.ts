/**
 * Which of two near-copies counts, whatever the order things happen in: the earliest first
 * publication online is the original, every later near-copy is not counted. Republishing the
 * original makes its copies copies again, a changed original frees its former copies, and two
 * copies published at the same moment (PostgreSQL: each transaction blind to the other) leave
 * one counted.
 */
import { paragraph } from '@test-helpers/article-body';
import { approveArticle, createReviewTeam, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import config from '../../config';
import { ARTICLE } from '../../uids';

let app: TestApp;
let admin: TestAdmin;
let team: ReviewTeam;
let sites: Record<string, string>;

const CM = `/content-manager/collection-types/${ARTICLE}`;
const TITLE = '市民政局部署冬春困难群众救助工作';
const TEXT =
  '为切实保障困难群众冬春期间基本生活，市民政局近日印发通知，部署做好冬春困难群众救助工作。通知要求，各区县要全面排查低保对象、特困人员、低保边缘家庭和其他生活困难群众的基本生活状况，对因灾、因病、因残等原因陷入困境的群众，及时纳入救助范围。要落实临时救助制度，对遭遇突发性、紧迫性困难的群众，先行救助、事后补充说明，做到应救尽救。要加强与应急管理、卫生健康、医保等部门的信息共享，建立困难群众动态监测机制，主动发现、及时救助。要做好流浪乞讨人员寒冬救助，开展街面巡查，引导流浪乞讨人员进站接受救助，确保不发生冻饿死亡事件。通知还要求，各地要畅通社会救助服务热线，公开救助电话和受理渠道，认真受理群众求助，切实把党和政府的关怀送到困难群众心坎上。';
const OTHER =
  '本月，市民政局在全市范围内开展婚姻登记服务质量提升行动，围绕婚姻登记窗口规范化建设、颁证服务、婚姻家庭辅导和信息化建设等重点内容，组织各区县婚姻登记机关对照标准开展自查，查找服务短板和薄弱环节。市民政局将对各区县婚姻登记机关进行实地检查和暗访，对检查中发现的问题建立台账，限期整改。下一步，市民政局将持续推进婚姻登记跨省通办，优化办理流程，压缩办理时间，让群众少跑腿、好办事。';

const draft = (site: string, text: string, title = TITLE) =>
  app.strapi
    .documents(ARTICLE)
    .create({ data: { title, site: sites[site], body: paragraph(text) } });

/** Publishes, or republishes: an unchanged draft that was taken offline is still approved. */
const publish = async (documentId: string) => {
  const draftRow = await app.strapi.db
    .query(ARTICLE)
    .findOne({ where: { documentId, publishedAt: null }, select: ['reviewStatus'] });
  if (draftRow?.reviewStatus !== 'approved') await approveArticle(app, team, documentId);
  await app.strapi.documents(ARTICLE).publish({ documentId });
};

const verdictOf = async (documentId: string) => {
  const row = await app.strapi.db
    .query(ARTICLE)
    .findOne({ where: { documentId, publishedAt: { $notNull: true } } });
  return row ? [row.countExclusion ?? null, row.duplicateOf ?? null] : null;
};

beforeAll(async () => {
  app = await startApp('counting-rejudge');
  app.strapi.config.set('plugin::governance.articles.trivial', config.default.articles.trivial);
  ({ sites } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
      hanzhong: { name: '汉中市', level: 'city', sortOrder: 3 },
    },
    staff: {},
  }));
  team = await createReviewTeam(app);
  admin = await createAdmin(app);
}, 120_000);

afterAll(() => app?.stop());

describe('the earliest first publication online is the original', () => {
  let original: string;
  let copy: string;

  it('counts a copy published while its original is offline', async () => {
    original = (await draft('xian', TEXT)).documentId;
    await publish(original);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: original });
    copy = (await draft('baoji', TEXT)).documentId;
    await publish(copy);
    // Nothing online to copy from at that moment.
    expect(await verdictOf(copy)).toEqual([null, null]);
  });

  it('makes it a copy again when the original is republished, and the original counts', async () => {
    await publish(original);
    expect(await verdictOf(original)).toEqual([null, null]);
    expect(await verdictOf(copy)).toEqual(['duplicate', original]);
  });

  it('frees the copies of an original whose text changed, and judges them against the new text', async () => {
    // The original is rewritten into another article and published again.
    await app.strapi.documents(ARTICLE).update({
      documentId: original,
      data: { title: '市民政局开展婚姻登记服务质量提升行动', body: paragraph(OTHER) },
    });
    await publish(original);
    expect(await verdictOf(copy)).toEqual([null, null]);

    // A later article with the original's new text is its copy; one written earlier, counted
    // until then, becomes one when the original goes back to it.
    const later = (await draft('hanzhong', OTHER, '市民政局开展婚姻登记服务质量提升行动'))
      .documentId;
    await publish(later);
    expect(await verdictOf(later)).toEqual(['duplicate', original]);
  });

  it('leaves the original counted when its copy is republished', async () => {
    await app.strapi.documents(ARTICLE).unpublish({ documentId: copy });
    await publish(copy);
    expect(await verdictOf(copy)).toEqual([null, null]);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: original });
    await app.strapi.documents(ARTICLE).update({
      documentId: original,
      data: { title: TITLE, body: paragraph(TEXT) },
    });
    await publish(original);
    // First published before it: the original, whatever was published last.
    expect(await verdictOf(original)).toEqual([null, null]);
    expect(await verdictOf(copy)).toEqual(['duplicate', original]);
  });
});

describe('two copies published at the same moment', () => {
  it('leave one counted and the other its copy', async () => {
    const title = '县民政局开展养老服务设施专项检查';
    const text =
      '近日，县民政局组织开展养老服务设施专项检查，检查组深入全县敬老院、日间照料中心和农村互助幸福院，重点检查消防设施配备、食品安全管理、安全管理制度落实和服务质量等情况。检查中，检查组查阅了台账资料，察看了老人居住环境，与入住老人和工作人员面对面交流，详细了解老人的生活起居和服务需求。针对发现的消防通道堵塞、灭火器过期、值班记录不全等问题，检查组当场反馈，要求限期整改到位。县民政局表示，将以此次检查为契机，建立常态化检查机制，不断提升养老服务水平，让老年人安享幸福晚年。';
    const ids = [
      (await draft('baoji', text, title)).documentId,
      (await draft('hanzhong', text, title)).documentId,
    ];
    for (const id of ids) await approveArticle(app, team, id);
    // Both requests in flight together, each publishing in its own transaction.
    const answers = await Promise.all(
      ids.map((id) => asAdmin(app, admin).post(`${CM}/${id}/actions/publish`))
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const verdicts = await Promise.all(ids.map(verdictOf));
    const counted = verdicts.filter((verdict) => verdict?.[0] === null);
    expect(counted).toHaveLength(1);
    const copyOf = verdicts.find((verdict) => verdict?.[0] === 'duplicate')![1];
    expect(ids).toContain(copyOf);
    expect(verdicts[ids.indexOf(copyOf!)]).toEqual([null, null]);
  });
});
