/**
 * 内容巡检 (docs/inspection.md): what is already online checked again, incrementally, by the
 * text check of review: a word added to the list is found in articles published before it, a
 * false positive stays dismissed, a stopped run goes on where it was, attachments are read.
 */
import { paragraph, paragraphWithLink } from '@test-helpers/article-body';
import { docxWith } from '@test-helpers/documents';
import {
  approveArticle,
  createReviewTeam,
  publishReviewed,
  type ReviewTeam,
} from '@test-helpers/review';
import { createSitesAndStaff, createStaff } from '@test-helpers/sites';
import { sheetRows } from '@test-helpers/spreadsheets';
import { asAdmin, startApp, uploadAs, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ARTICLE, INSPECTED_ARTICLE, INSPECTION_FINDING, INSPECTION_RUN } from '../../uids';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let editor: TestAdmin;
let leader: TestAdmin;
let sites: Record<'xian' | 'baoji', string>;
let siteIds: Record<'xian' | 'baoji', number>;

const inspection = () => app.strapi.plugin('governance').service('contentInspection');
const findings = async (where: object = {}) =>
  (await app.strapi.db.query(INSPECTION_FINDING).findMany({
    where,
    orderBy: { id: 'asc' },
  })) as Array<{
    id: number;
    title: string;
    articleDocumentId: string;
    siteId: number;
    kind: string;
    level: string;
    word: string;
    suggestion: string | null;
    field: string;
    file: string | null;
    found: string;
    context: string;
    state: string;
    listVersion: string;
  }>;

const addWord = (word: string, level: 'forbidden' | 'check' = 'forbidden') =>
  asAdmin(app, province).post('/governance/review/words', { word, level }).expect(201);

const publish = (site: 'xian' | 'baoji', title: string, text: string) =>
  publishReviewed(app, team, { title, site: sites[site], body: paragraph(text) });

beforeAll(async () => {
  app = await startApp('inspection');
  team = await createReviewTeam(app);
  ({
    sites,
    staff: { province, editor, leader },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {
      province: ['governance-provincial-admin', '巡检管理'],
      editor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      leader: ['governance-site-editor', '西安站长', { xian: 'leader' }],
    },
  }));
  const ids = (await app.strapi.db
    .query('api::site.site')
    .findMany({ select: ['id', 'code'] })) as Array<{ id: number; code: 'xian' | 'baoji' }>;
  siteIds = Object.fromEntries(ids.map((s) => [s.code, s.id])) as typeof siteIds;

  await publish(
    'xian',
    '西安市召开安全生产会议',
    '会议传达了内部资料的要求。联系人手机13912345678。'
  );
  await publish('xian', '西安市民政工作要点', '推进一带一路战略，做好民政工作。');
  await publish('baoji', '宝鸡市工作动态', '宝鸡市召开会议，传达内部资料精神。');
  await publish('xian', '西安市无问题的文章', '今天天气很好。');
});

afterAll(() => app?.stop());

describe('the inspection of what is online', () => {
  it('finds in articles published before them the words and wording rules added since, and personal data', async () => {
    const first = await inspection().run();
    expect(first).toMatchObject({ read: 4, checked: 4, stopped: false });
    // Only personal data: the lists were empty when these were published.
    expect((await findings()).map((f) => [f.kind, f.word, f.level])).toEqual([
      ['personalData', '手机号码', 'check'],
    ]);

    await addWord('内部资料');
    await asAdmin(app, province)
      .post('/governance/review/wording-rules', {
        wrong: '一带一路战略',
        right: '“一带一路”倡议',
        category: 'political',
      })
      .expect(201);
    const second = await inspection().run();
    // The lists changed: every article is checked again.
    expect(second).toMatchObject({ read: 4, checked: 4 });
    const found = await findings({ state: 'open' });
    expect(found.map((f) => [f.siteId, f.kind, f.word, f.field]).sort()).toEqual(
      [
        [siteIds.baoji, 'word', '内部资料', 'body'],
        [siteIds.xian, 'personalData', '手机号码', 'body'],
        [siteIds.xian, 'word', '内部资料', 'body'],
        [siteIds.xian, 'wording', '一带一路战略', 'body'],
      ].sort()
    );
    const wording = found.find((f) => f.kind === 'wording')!;
    expect(wording).toMatchObject({
      level: 'forbidden',
      suggestion: '“一带一路”倡议',
      context: '推进一带一路战略，做好民政工作。',
    });
    // Each finding names the lists' version that found it.
    expect(new Set(found.map((f) => f.listVersion)).size).toBe(1);

    // Nothing changed since: everything is read, nothing checked again.
    expect(await inspection().run()).toMatchObject({ read: 4, checked: 0 });
    expect(await findings({ state: 'open' })).toHaveLength(4);
  });

  it('alerts each serious finding once, at once, to the site’s leader and the province, one alert per run, site and rule, and 站群监测 judges them', async () => {
    const alerts = async () =>
      (await asAdmin(app, province).get('/governance/oversight/alerts?pageSize=50').expect(200))
        .body.data as Array<{
        site: { code: string };
        rule: string;
        status: string;
        notified: string[];
        finding: { id: number; detail: string; count: number } | null;
      }>;
    const raised = (await alerts()).filter((a) => a.finding);
    // The three forbidden-level findings of the last run; the phone number is only to be checked.
    // Xi'an's two are one alert naming the first of them.
    const serious = await findings({ state: 'open', level: 'forbidden' });
    expect(serious).toHaveLength(3);
    expect(raised.map((a) => [a.site.code, a.rule, a.status, a.finding!.count]).sort()).toEqual(
      [
        ['baoji', 'seriousWording', 'tripped', 1],
        ['xian', 'seriousWording', 'tripped', 2],
      ].sort()
    );
    const details = new Map(
      serious.map((f) => [
        f.id,
        `《${f.title}》正文：“${f.found}”${f.suggestion ? `（应为：${f.suggestion}）` : '（禁用词）'}`,
      ])
    );
    for (const alert of raised) expect(alert.finding!.detail).toBe(details.get(alert.finding!.id));
    expect(raised.find((a) => a.site.code === 'baoji')!.finding!.detail).toBe(
      '《宝鸡市工作动态》正文：“内部资料”（禁用词）'
    );
    expect([
      '《西安市召开安全生产会议》正文：“内部资料”（禁用词）',
      '《西安市民政工作要点》正文：“一带一路战略”（应为：“一带一路”倡议）',
    ]).toContain(raised.find((a) => a.site.code === 'xian')!.finding!.detail);
    const xian = raised.find((a) => a.site.code === 'xian')!;
    // People are named with their account's serial here (西安站长 4).
    expect(xian.notified).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^西安站长/),
        expect.stringMatching(/^巡检管理/),
      ])
    );
    expect(xian.notified.filter((name) => name.startsWith('西安编辑'))).toEqual([]);

    // Checked again (the lists changed), the same findings raise nothing more.
    await addWord('从未出现的词');
    await inspection().run();
    expect((await alerts()).filter((a) => a.finding)).toHaveLength(2);
    // Nor does the daily job raise them again as its rules' changes.
    await app.strapi.plugin('governance').service('oversightAlerts').runDaily();
    expect(
      (await alerts()).filter((a) => ['seriousWording', 'personalData'].includes(a.rule))
    ).toHaveLength(2);

    // 站群监测 judges the open serious findings: xian has two, and the rule has tripped.
    const rows = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as Array<{
      site: { code: string };
      rules: Array<{ rule: string; status: string; value: number }>;
    }>;
    const rule = (code: string, name: string) =>
      rows.find((r) => r.site.code === code)!.rules.find((r) => r.rule === name);
    expect(rule('xian', 'seriousWording')).toMatchObject({ status: 'tripped', value: 2 });
    expect(rule('baoji', 'seriousWording')).toMatchObject({ status: 'tripped', value: 1 });
    // The phone number is to be checked, not a veto.
    expect(rule('xian', 'personalData')).toMatchObject({ status: 'ok', value: 0 });
  });

  it('e-mails each site’s leaders, and the province, once a run however many it finds', async () => {
    const mails: Array<{ to: string; subject: string; text: string }> = [];
    const email = app.strapi.plugin('email').service('email');
    const send = email.send;
    email.send = async (message: { to: string; subject: string; text: string }) => {
      mails.push(message);
    };
    app.strapi.config.set('plugin::governance.notifications.email', true);
    const word = (
      await asAdmin(app, province)
        .post('/governance/review/words', { word: '西安市', level: 'forbidden' })
        .expect(201)
    ).body.data;
    try {
      // Every Xi'an title has it: found in one article after another, a batch each.
      await inspection().run({ batchSize: 1 });
    } finally {
      email.send = send;
      app.strapi.config.set('plugin::governance.notifications.email', false);
    }
    const found = await findings({ word: '西安市', state: 'open' });
    expect(found.length).toBeGreaterThanOrEqual(3);
    const toLeader = mails.filter((mail) => mail.to === leader.email);
    expect(toLeader).toHaveLength(1);
    expect(toLeader[0].subject).toMatch(/^【内容巡检预警】西安市发现 \d+ 处严重问题$/);
    expect(toLeader[0].text).toContain('《西安市召开安全生产会议》标题：“西安市”（禁用词）');
    expect(toLeader[0].text).toContain('本次巡检中此后发现的问题不再另发邮件');
    expect(mails.filter((mail) => mail.to === province.email)).toHaveLength(1);
    expect(mails.filter((mail) => mail.to === editor.email)).toEqual([]);
    // The alerts list counts each of them nonetheless: one alert for Xi'an, found a batch at a
    // time, naming the first.
    const alerted = (
      (await asAdmin(app, province).get('/governance/oversight/alerts?pageSize=100').expect(200))
        .body.data as Array<{
        site: { code: string };
        finding: { id: number; detail: string; count: number } | null;
      }>
    ).filter((alert) => alert.finding?.detail.includes('“西安市”'));
    expect(alerted.map((alert) => [alert.site.code, alert.finding!.count])).toEqual([
      ['xian', found.length],
    ]);
    expect(found.map((f) => f.id)).toContain(alerted[0].finding!.id);

    // Taken off the list, what it found is gone at the next run.
    await asAdmin(app, province).delete(`/governance/review/words/${word.id}`).expect(204);
    await inspection().run();
    expect(await findings({ word: '西安市', state: 'open' })).toEqual([]);
  });

  it('keeps a false positive dismissed while the text stays the same, and reopens nothing', async () => {
    const phone = (await findings({ kind: 'personalData' }))[0];
    await inspection().dismiss(phone.id, { id: 1, name: '西安编辑' }, '单位公开的值班电话');
    await expect(
      inspection().dismiss(phone.id, { id: 1, name: '西安编辑' }, '再次')
    ).rejects.toThrow('这条巡检发现已经处理过了');
    await addWord('值班'); // the lists change: everything is checked again
    await inspection().run();
    expect(await findings({ id: phone.id })).toEqual([
      expect.objectContaining({ state: 'dismissed', dismissReason: '单位公开的值班电话' }),
    ]);
    expect(await findings({ kind: 'personalData', state: 'open' })).toEqual([]);
  });

  it('marks a finding gone once the published text no longer has it', async () => {
    const [baoji] = await findings({ siteId: siteIds.baoji, state: 'open' });
    const documentId = baoji.articleDocumentId;
    await app.strapi.documents(ARTICLE).update({
      documentId,
      data: { body: paragraph('宝鸡市召开会议，传达有关精神。') } as never,
    });
    await approveArticle(app, team, documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId });
    const run = await inspection().run();
    expect(run).toMatchObject({ checked: 1 });
    expect(await findings({ id: baoji.id })).toEqual([expect.objectContaining({ state: 'gone' })]);
    // One record per published row: the republished article's old row's record is dropped.
    const published = (await app.strapi.db.query(ARTICLE).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['id'],
      orderBy: { id: 'asc' },
    })) as Array<{ id: number }>;
    const records = (await app.strapi.db.query(INSPECTED_ARTICLE).findMany({
      select: ['articleId', 'documentId', 'checkedAt', 'createdAt'],
      orderBy: { articleId: 'asc' },
    })) as Array<{ articleId: number; documentId: string; checkedAt: string; createdAt: string }>;
    expect(records.map((r) => r.articleId)).toEqual(published.map((a) => a.id));
    // Written in bulk past the query engine (utils/insert-rows.ts), read back through it as
    // written: the instants not shifted by a time zone, a document id each.
    for (const record of records) {
      expect(record.documentId).toMatch(/^[0-9a-z]{22}$/);
      for (const instant of [record.checkedAt, record.createdAt])
        expect(Math.abs(Date.now() - new Date(instant).getTime())).toBeLessThan(10 * 60_000);
    }
    // Corrected online, the site no longer fails 站群监测's rule.
    const rows = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as Array<{ site: { code: string }; rules: Array<{ rule: string; status: string }> }>;
    expect(
      rows.find((r) => r.site.code === 'baoji')!.rules.find((r) => r.rule === 'seriousWording')
    ).toMatchObject({ status: 'ok' });
  });

  it('goes on where a stopped run was, and inspects one site on demand', async () => {
    await addWord('天气', 'check');
    const stop = new AbortController();
    const stopped = await inspection().run({
      batchSize: 1,
      signal: stop.signal,
      onProgress: ({ read }: { read: number }) => {
        if (read === 2) stop.abort();
      },
    });
    expect(stopped).toMatchObject({ read: 2, stopped: true });
    const [unfinished] = (await app.strapi.db
      .query(INSPECTION_RUN)
      .findMany({ where: { finishedAt: null, siteId: null } })) as Array<{ cursor: number }>;
    expect(unfinished.cursor).toBeGreaterThan(0);
    const resumed = await inspection().run({ batchSize: 1 });
    expect(resumed).toMatchObject({ read: 4, stopped: false });
    expect((await findings({ word: '天气' })).map((f) => f.state)).toEqual(['open']);

    const baoji = await inspection().run({ siteId: siteIds.baoji });
    expect(baoji).toMatchObject({ read: 1, checked: 0 });
    expect(
      await app.strapi.db.query(INSPECTED_ARTICLE).count({ where: { siteId: siteIds.baoji } })
    ).toBe(1);
  });

  it('shares a batch between checking threads, and finds the same', async () => {
    const open = async () =>
      (await findings({ state: 'open' }))
        .map((f) => [f.articleDocumentId, f.kind, f.word, f.field].join(' '))
        .sort();
    const before = await open();
    expect(before.length).toBeGreaterThan(1);
    app.strapi.config.set('plugin::governance.inspection.checkThreads', 3);
    try {
      await addWord('巡检线程'); // found nowhere; every article is checked again
      const run = await inspection().run();
      expect(run.checked).toBe(run.read);
    } finally {
      app.strapi.config.set('plugin::governance.inspection.checkThreads', undefined);
    }
    expect(await open()).toEqual(before);
  });

  it('reads the attachments of what is online', async () => {
    const file = await uploadAs<{ id: number }>(
      app,
      editor,
      '实施方案.docx',
      await docxWith(['一、总体要求', '本方案中的一带一路战略表述须修改。'])
    );
    const draft = await app.strapi.documents(ARTICLE).create({
      data: {
        title: '关于印发实施方案的通知',
        site: sites.xian,
        body: paragraph('详见附件。'),
        attachments: [{ name: '实施方案', file: file.id }],
      } as never,
    });
    // Published before the wording rule's check could see it: the rule is removed meanwhile.
    const rules = app.strapi.db.query('plugin::governance.wording-rule');
    const [rule] = await rules.findMany({});
    await rules.delete({ where: { id: rule.id } });
    await approveArticle(app, team, draft.documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    await rules.create({ data: { wrong: rule.wrong, right: rule.right, category: rule.category } });

    await inspection().run();
    expect(
      (await findings({ articleDocumentId: draft.documentId })).map((f) => [
        f.kind,
        f.word,
        f.file,
        f.state,
      ])
    ).toEqual([['wording', '一带一路战略', '实施方案', 'open']]);

    // A file the body links to, rather than attaches, is read too, named by the link's words.
    const linked = await uploadAs<{ id: number; url: string }>(
      app,
      editor,
      '解读材料.docx',
      await docxWith(['政策解读', '推进一带一路战略的有关举措。'])
    );
    const article = await publish('xian', '政策解读材料', '相关材料见附件。');
    const [again] = await rules.findMany({});
    await rules.delete({ where: { id: again.id } });
    await app.strapi.documents(ARTICLE).update({
      documentId: article.documentId,
      data: { body: paragraphWithLink('下载：', linked.url, '解读材料全文') } as never,
    });
    await approveArticle(app, team, article.documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
    await rules.create({
      data: { wrong: again.wrong, right: again.right, category: again.category },
    });
    await inspection().run();
    expect(
      (await findings({ articleDocumentId: article.documentId })).map((f) => [
        f.kind,
        f.file,
        f.state,
      ])
    ).toEqual([['wording', '解读材料全文', 'open']]);
  });
});

describe('the 内容巡检 routes', () => {
  const as = (who: TestAdmin) => asAdmin(app, who);
  let baojiEditor: TestAdmin;
  let xianApprover: TestAdmin;

  beforeAll(async () => {
    ({ baojiEditor, xianApprover } = await createStaff(app, sites, {
      baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
      xianApprover: ['governance-approver', '西安审核', { xian: 'approver' }],
    }));
  });

  it('show the province every site, and a site member their own', async () => {
    const all = (await as(province).get('/governance/inspection/summary').expect(200)).body.data;
    expect(all.sites.map((s: { site: { code: string } }) => s.site.code).sort()).toEqual([
      'baoji',
      'xian',
    ]);
    expect(all.lastFinished).toMatchObject({ finishedAt: expect.any(String) });
    const own = (await as(editor).get('/governance/inspection/summary').expect(200)).body.data;
    expect(own.sites.map((s: { site: { code: string } }) => s.site.code)).toEqual(['xian']);
    expect(own.sites[0]).toMatchObject({ forbidden: expect.any(Number) });

    const list = await as(editor).get('/governance/inspection/findings?pageSize=2').expect(200);
    expect(list.body.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(list.body.data.length).toBeGreaterThan(0);
    for (const finding of list.body.data) expect(finding.site.code).toBe('xian');
    // Forbidden first.
    expect(list.body.data[0].level).toBe('forbidden');
    const other = await as(editor).get('/governance/inspection/findings?site=baoji').expect(200);
    expect(other.body.data).toEqual([]);
    await as(editor).get('/governance/inspection/findings?kind=secret').expect(400);
    await app.http().get('/governance/inspection/summary').expect(401);
  });

  it('let a site dismiss its own finding with a reason, audited, and nobody else’s', async () => {
    const [finding] = (
      await as(province).get('/governance/inspection/findings?site=xian&kind=word').expect(200)
    ).body.data;
    await as(baojiEditor)
      .post(`/governance/inspection/findings/${finding.id}/dismiss`, { reason: '不是我站的' })
      .expect(404);
    const short = await as(editor)
      .post(`/governance/inspection/findings/${finding.id}/dismiss`, { reason: '是' })
      .expect(400);
    expect(short.body.error.message).toBe('请填写误报理由（2 到 500 个字）');
    await as(editor)
      .post(`/governance/inspection/findings/${finding.id}/dismiss`, { reason: '引用的是文件标题' })
      .expect(200);
    const dismissed = (
      await as(editor).get('/governance/inspection/findings?state=dismissed').expect(200)
    ).body.data;
    expect(dismissed.find((f: { id: number }) => f.id === finding.id)).toMatchObject({
      dismissReason: '引用的是文件标题',
      dismissedByName: expect.stringMatching(/^西安编辑/),
      state: 'dismissed',
    });
    const audit = await app.strapi.db
      .query('plugin::governance.audit-entry')
      .findMany({ where: { action: 'inspection.dismiss' } });
    expect(
      audit.filter((entry) => entry.details.findingId === finding.id).map((e) => e.summary)
    ).toEqual([expect.stringMatching(/^西安编辑.*判为误报：引用的是文件标题$/)]);
  });

  it('take an article offline (撤稿) for its finding, by a member who may unpublish it, audited', async () => {
    const article = await publish('xian', '西安市轮岗安排', '请按试行口径执行。');
    await addWord('试行口径');
    await inspection().run();
    const [finding] = (
      await as(editor).get('/governance/inspection/findings?kind=word').expect(200)
    ).body.data.filter(
      (f: { article: { documentId: string } }) => f.article.documentId === article.documentId
    );
    const url = `/governance/inspection/findings/${finding.id}/unpublish`;
    const online = () =>
      app.strapi.db
        .query(ARTICLE)
        .count({ where: { documentId: article.documentId, publishedAt: { $notNull: true } } });

    await as(baojiEditor).post(url, { reason: '不是我站的' }).expect(404);
    // An approver sees the site's findings but may not unpublish its articles.
    const refused = await as(xianApprover).post(url, { reason: '内容有误' }).expect(403);
    expect(refused.body.error.message).toBe(
      '您没有撤下这篇文章的权限，请联系站点负责人或省厅管理员'
    );
    const noReason = await as(editor).post(url, {}).expect(400);
    expect(noReason.body.error.message).toBe('请填写撤稿理由（2 到 500 个字）');
    expect(await online()).toBe(1);

    await as(editor).post(url, { reason: '含有禁用词，撤稿修改' }).expect(200);
    expect(await online()).toBe(0);
    // Offline, what was found in it is gone, from the page and from 站群监测's count.
    expect(await findings({ articleDocumentId: article.documentId, state: 'open' })).toEqual([]);
    const again = await as(editor).post(url, { reason: '再次撤稿' }).expect(400);
    expect(again.body.error.message).toBe('这篇文章已不在网上，无需撤稿');
    const audit = (await app.strapi.db.query('plugin::governance.audit-entry').findMany({
      where: { action: { $in: ['inspection.unpublish', 'article.unpublish'] } },
    })) as Array<{
      action: string;
      summary: string;
    }>;
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'article.unpublish',
      'inspection.unpublish',
    ]);
    expect(audit.find((e) => e.action === 'inspection.unpublish')!.summary).toMatch(
      /^西安编辑.*因内容巡检发现“试行口径”，撤下《西安市轮岗安排》：含有禁用词，撤稿修改$/
    );
  });

  it('export the findings to Excel, within the caller’s sites, on the record', async () => {
    const res = await as(editor).download('/governance/inspection/findings/export').expect(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('内容巡检'));
    const rows = (await sheetRows(res)).map((row) => row.map((cell) => String(cell ?? '')));
    const heads = rows.findIndex((row) => row[0] === '站点');
    expect(rows[heads]).toEqual([
      '站点',
      '文章',
      '类型',
      '级别',
      '发现',
      '位置',
      '第几字',
      '上下文',
      '建议',
      '首次发现',
      '最近发现',
      '误报判定人',
      '误报理由',
    ]);
    const listed = rows.slice(heads + 1);
    const open = await findings({ state: 'open', siteId: siteIds.xian });
    expect(listed).toHaveLength(open.length);
    expect(new Set(listed.map((row) => row[0]))).toEqual(new Set(['西安市']));
    expect(listed.map((row) => row[2])).toContain('严重表述错误');
    expect(listed.find((row) => row[2] === '严重表述错误')).toEqual(
      expect.arrayContaining(['须整改', '一带一路战略', '正文', '“一带一路”倡议'])
    );
    const other = await as(baojiEditor)
      .download('/governance/inspection/findings/export?site=xian')
      .expect(200);
    const otherRows = (await sheetRows(other)).map((row) => String(row[0] ?? ''));
    expect(otherRows.slice(otherRows.indexOf('站点') + 1)).toEqual([]);
    expect(
      await app.strapi.db
        .query('plugin::governance.audit-entry')
        .count({ where: { action: 'report.export' } })
    ).toBe(2);
  });

  it('start a run on demand for a member’s own site, one at a time', async () => {
    await as(baojiEditor).post('/governance/inspection/runs', { site: 'xian' }).expect(404);
    const runs = app.strapi.db.query(INSPECTION_RUN);
    const before = await runs.count();
    await as(editor).post('/governance/inspection/runs', {}).expect(202);
    const latest = () => runs.findOne({ orderBy: { id: 'desc' } });
    for (let tries = 0; tries < 200; tries += 1) {
      if ((await runs.count()) > before && (await latest())?.finishedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await runs.count()).toBe(before + 1);
    const run = await latest();
    expect(run).toMatchObject({
      siteId: siteIds.xian,
      trigger: 'manual',
      requestedByName: expect.stringMatching(/^西安编辑/),
    });
    expect(run.finishedAt).not.toBeNull();
    expect(
      await app.strapi.db
        .query('plugin::governance.audit-entry')
        .count({ where: { action: 'inspection.run' } })
    ).toBe(1);
  });
});
