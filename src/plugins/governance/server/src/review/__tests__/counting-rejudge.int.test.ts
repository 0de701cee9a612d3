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

  it('dates a text rewritten back from its rewrite: the copy online meanwhile is the original now', async () => {
    await app.strapi.documents(ARTICLE).unpublish({ documentId: copy });
    await publish(copy);
    expect(await verdictOf(copy)).toEqual([null, null]);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: original });
    await app.strapi.documents(ARTICLE).update({
      documentId: original,
      data: { title: TITLE, body: paragraph(TEXT) },
    });
    await publish(original);
    // Its first publication is older, but this text has been online on the copy's site since
    // before it came back: the first publication dates the year, not the claim.
    expect(await verdictOf(copy)).toEqual([null, null]);
    expect(await verdictOf(original)).toEqual(['duplicate', copy]);
  });
});

const CASE_TITLE = '市民政局推进养老服务体系建设';
const CASE_TEXT =
  '今年以来，市民政局把构建居家社区机构相协调、医养康养相结合的养老服务体系作为重点民生工程，统筹推进街道综合养老服务中心、社区日间照料中心和农村互助幸福院建设。全市新建街道综合养老服务中心十二个，改造提升社区日间照料中心八十余个，为两千余户特殊困难老年人家庭实施适老化改造。市民政局还推动养老机构与医疗机构签约合作，实现医疗服务全覆盖，开展养老护理员职业技能培训，持证上岗率明显提高。下一步，市民政局将加快发展普惠型养老服务，完善老年助餐服务网络，推进智慧养老平台建设，让老年人在家门口就能享受便捷优质的养老服务。';
const ADOPTED_TEXT =
  '近日，市民政局召开全市慈善工作座谈会，总结交流近年来慈善事业发展成效，研究部署下一阶段重点工作。会议指出，全市慈善组织数量稳步增长，慈善募捐规范有序，在助医助学、扶老助残、应急救灾等方面发挥了积极作用。会议要求，各区县要加强慈善组织登记管理和业务指导，规范慈善募捐和慈善信托行为，推进慈善信息公开，提升慈善组织公信力；要大力培育发展社区慈善，推动慈善资源向基层延伸，打造一批有影响力的慈善项目品牌；要加强慈善文化宣传，营造人人向善、人人可为的良好社会氛围。';
const FOREIGN_TEXT =
  '为加强地名文化保护，市民政局近日启动全市地名文化遗产认定工作，对具有重要历史文化价值的古城、古镇、古村落、古道路、古桥梁等地名进行调查摸底，建立地名文化遗产保护名录。认定工作按照申报、初审、专家评审、公示和公布等程序进行，重点考察地名的历史渊源、文化内涵、使用时间和社会影响。市民政局表示，将对列入保护名录的地名设立标志，讲好地名故事，加强宣传展示，防止随意更名，让城市留住记忆、让人们记住乡愁，推动地名文化在新时代焕发新的活力。';

describe('tricks on the claim to be the original', () => {
  it("a placeholder published long ago and rewritten into another site's article is its copy", async () => {
    // Site baoji keeps a placeholder online: trivial, it costs it nothing.
    const placeholder = (await draft('baoji', '测试', '测试')).documentId;
    await publish(placeholder);
    expect(await verdictOf(placeholder)).toEqual(['trivial', null]);
    // Site xian publishes an article afterwards.
    const article = (await draft('xian', CASE_TEXT, CASE_TITLE)).documentId;
    await publish(article);
    // baoji rewrites its placeholder into that article and republishes it.
    await app.strapi.documents(ARTICLE).update({
      documentId: placeholder,
      data: { title: CASE_TITLE, body: paragraph(CASE_TEXT) },
    });
    const flags = (
      await asAdmin(app, admin).get(`/governance/review/articles/${placeholder}`).expect(200)
    ).body.data.countFlags;
    expect(flags.duplicates.map((d: { documentId: string }) => d.documentId)).toEqual([article]);
    await publish(placeholder);
    // The review said so and the publication rules so: the rewrite is the copy.
    expect(await verdictOf(placeholder)).toEqual(['duplicate', article]);
    expect(await verdictOf(article)).toEqual([null, null]);
  });

  it("an adoption rewritten into another site's article is compared like any article", async () => {
    const source = (await draft('xian', ADOPTED_TEXT, '市民政局召开全市慈善工作座谈会')).documentId;
    await publish(source);
    const foreign = (await draft('hanzhong', FOREIGN_TEXT, '市民政局启动地名文化遗产认定'))
      .documentId;
    await publish(foreign);
    // 采用: baoji's copy carries its source (set by the submissions concern, here by hand).
    const adoption = (await draft('baoji', ADOPTED_TEXT, '市民政局召开全市慈善工作座谈会'))
      .documentId;
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId: adoption }, data: { sourceArticleDocumentId: source } });
    await publish(adoption);
    expect(await verdictOf(adoption)).toEqual([null, null]);
    // Its text replaced by hanzhong's article: no longer the adopting site's work.
    await app.strapi.documents(ARTICLE).update({
      documentId: adoption,
      data: { title: '市民政局启动地名文化遗产认定', body: paragraph(FOREIGN_TEXT) },
    });
    await publish(adoption);
    expect(await verdictOf(adoption)).toEqual(['duplicate', foreign]);
    expect(await verdictOf(foreign)).toEqual([null, null]);
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
