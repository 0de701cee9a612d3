import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addMember, createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { AUDIT_ENTRY } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
/** A custom role with the overview and the sites pages, bound to one site by its membership. */
let cityOfficer: TestAdmin;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const workbook = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

/** The file name a browser takes: the RFC 5987 `filename*`. */
const fileName = (disposition: string) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');

const HEADING =
  'issuer=' +
  encodeURIComponent('陕西省民政厅办公室') +
  '&docNumber=' +
  encodeURIComponent('陕民办发〔2014〕12号') +
  '&addressee=' +
  encodeURIComponent('各设区市民政局，厅直属各单位') +
  '&date=2014-12-31';

beforeAll(async () => {
  app = await startApp('reports');
  province = await createAdmin(app, 'governance-provincial-admin', '王建国');
  const { staff } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '=HYPERLINK("http://evil")西安市', level: 'city', sortOrder: 1 },
      portal: { name: '陕西民政网', level: 'portal', sortOrder: 0 },
    },
    staff: { editor: ['governance-site-editor', '李编辑', { xian: 'editor' }] },
  });
  editor = staff.editor;
  const role = await app.strapi
    .service('admin::role')
    .create({ name: '市级统计员', code: 'test-city-statistics', description: '' });
  await app.strapi
    .service('admin::role')
    .assignPermissions(role.id, [
      { action: 'plugin::governance.overview.read' },
      { action: 'plugin::governance.sites.manage' },
    ]);
  cityOfficer = await createAdmin(app, 'test-city-statistics', '赵市级');
  const xian = await app.strapi
    .documents('api::site.site')
    .findFirst({ filters: { code: 'xian' } });
  await addMember(app, cityOfficer, xian!.documentId, 'editor');
  await app.strapi.documents('api::citizen-message.citizen-message').create({
    data: {
      site: (await app.strapi.documents('api::site.site').findFirst({ filters: { code: 'xian' } }))!
        .documentId,
      category: 'consultation',
      subject: '咨询低保',
      body: '请问如何申请?',
      name: '张三丰',
      phone: '13800138000',
      email: 'zhang@example.cn',
      queryCode: 'RPT00001',
      status: 'received',
      receivedAt: new Date('2014-03-01T02:00:00Z'),
    },
  });
  // 2013 at xian: one answered on time and rated 基本满意, one left unanswered past its deadline.
  const xianId = (await app.strapi.db.query('api::site.site').findOne({ where: { code: 'xian' } }))!
    .id;
  const message2013 = (queryCode: string, fields: Record<string, unknown>) =>
    app.strapi.db.query('api::citizen-message.citizen-message').create({
      data: {
        site: xianId,
        category: 'consultation',
        subject: '咨询救助',
        body: '请问如何申请?',
        name: '李四',
        phone: '13900139000',
        queryCode,
        receivedAt: new Date('2013-05-01T02:00:00Z'),
        dueAt: new Date('2013-05-20T16:00:00Z'),
        ...fields,
      },
    });
  await message2013('RPT00002', {
    status: 'closed',
    reply: '已答复',
    repliedAt: new Date('2013-05-06T02:00:00Z'),
    workingDaysToReply: 3,
    repliedOnTime: true,
    satisfaction: 'neutral',
  });
  await message2013('RPT00003', { status: 'accepted' });
});

afterAll(async () => {
  await app?.stop();
});

const XLSX_ROUTES = [
  ['/governance/reports/overview?year=2014', '2014年站群概览.xlsx'],
  ['/governance/reports/message-statistics?year=2014', '2014年留言统计.xlsx'],
  ['/governance/reports/oversight', /^站群监测-\d{4}年\d+月\d+日\.xlsx$/],
  ['/governance/reports/sites', /^站点与人员-\d{4}年\d+月\d+日\.xlsx$/],
  ['/governance/reports/accounts?filter=all', /^账号安全（全部）-\d{4}年\d+月\d+日\.xlsx$/],
] as const;

describe('the statistics pages as Excel workbooks', () => {
  it.each(XLSX_ROUTES)(
    '%s: a titled, stamped workbook under a Chinese name, every cell neutralised, the export audited',
    async (url, name) => {
      const res = await asAdmin(app, province).download(url).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(fileName(res.headers['content-disposition'])).toMatch(name);
      const rows = await workbook(res.body);
      expect(String(rows[1][0])).toMatch(
        /^生成于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）$/
      );
      const text = JSON.stringify(rows);
      // No citizen's contact data in any report.
      expect(text).not.toMatch(/张三丰|13800138000|zhang@example\.cn/);
      // No cell that starts a formula.
      for (const row of rows)
        for (const cell of row)
          if (typeof cell === 'string') expect(cell).not.toMatch(/^\s*[=+\-@]/);
      const entry = await app.strapi.db.query(AUDIT_ENTRY).findOne({
        where: {
          action: 'report.export',
          // The record names the report; the file's name adds the day a snapshot was made.
          subject: fileName(res.headers['content-disposition']).replace(
            /(-\d{4}年\d+月\d+日)?\.xlsx$/,
            ''
          ),
        },
      });
      expect(entry?.actorName).toContain('王建国');
    }
  );

  it('留言统计: the figures of the page — 满意、基本满意、不满意 adding up to 评价数, 按期答复率 counting the overdue', async () => {
    const rows = await workbook(
      (
        await asAdmin(app, province)
          .download('/governance/reports/message-statistics?year=2013')
          .expect(200)
      ).body
    );
    const head = rows.find((row) => row[0] === '网站类别')!;
    const total = rows.at(-1)!;
    const cell = (name: string) => total[head.indexOf(name)];
    expect(head).toEqual(expect.arrayContaining(['满意', '基本满意', '不满意', '按期答复率']));
    expect(total.slice(0, 2)).toEqual(['全部', '合计']);
    expect([cell('评价数'), cell('满意'), cell('基本满意'), cell('不满意')]).toEqual([1, 0, 1, 0]);
    // 1 answered on time, 1 unanswered past its deadline: 50%, not 100%.
    expect([cell('已答复'), cell('按期答复'), cell('超期未答复')]).toEqual([1, 1, 1]);
    expect(cell('按期答复率')).toBe('50.0%');
    expect(cell('满意率')).toBe('0.0%');
    // Issue 25's traces: refusals waiting for the province, the refusal rate, placeholder replies.
    expect([cell('不予受理待确认'), cell('不予受理率'), cell('套话答复')]).toEqual([0, '0.0%', 0]);
    const api = (
      await asAdmin(app, province).get('/governance/messages/statistics?year=2013').expect(200)
    ).body.data.totals;
    expect(api).toMatchObject({ rated: 1, neutral: 1, onTimeRate: 0.5 });
  });

  it('neutralises a site name that would start a formula', async () => {
    const res = await asAdmin(app, province).download('/governance/reports/sites').expect(200);
    const rows = await workbook(res.body);
    expect(rows.some((row) => row[0] === `'=HYPERLINK("http://evil")西安市`)).toBe(true);
  });

  it('filters 站群监测 as the page does, and names the filter', async () => {
    const res = await asAdmin(app, province)
      .download(`/governance/reports/oversight?level=portal`)
      .expect(200);
    const rows = await workbook(res.body);
    expect(rows[2][0]).toBe('筛选：类别：门户网站');
    expect(rows.slice(4).map((r) => r[0])).toEqual(['陕西民政网']);
  });

  it('keeps a site-bound holder of the overview and sites pages to their own site', async () => {
    const overview = await workbook(
      (
        await asAdmin(app, cityOfficer)
          .download('/governance/reports/overview?year=2014')
          .expect(200)
      ).body
    );
    expect(overview[2][0]).toBe('范围：本人所属站点');
    expect(overview.at(-1)).toEqual(['合计', 1, 0, 0, 1, 0]);
    const sites = await workbook(
      (await asAdmin(app, cityOfficer).download('/governance/reports/sites').expect(200)).body
    );
    expect(sites.slice(3).map((row) => row[1])).toEqual(['xian']);
  });

  it.each(XLSX_ROUTES)('%s: refused to a site editor', async (url) => {
    await asAdmin(app, editor).get(url).expect(403);
  });

  it.each([
    '/governance/reports/overview?year=abc',
    '/governance/reports/message-statistics',
    '/governance/reports/oversight?status=bad',
    '/governance/reports/accounts?filter=nobody',
  ])('%s: bad filters are a 400', async (url) => {
    await asAdmin(app, province).get(url).expect(400);
  });
});

describe('the notices as Word documents (GB/T 9704)', () => {
  const documentXml = async (bytes: Buffer) =>
    (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

  it('年度通报: the mark, 文号, title, 主送机关, 落款 and 成文日期 in document.xml', async () => {
    const res = await asAdmin(app, province)
      .download(`/governance/reports/annual-notice?year=2014&${HEADING}`)
      .expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(fileName(res.headers['content-disposition'])).toBe('2014年内容维护情况通报.docx');
    const xml = await documentXml(res.body);
    for (const text of [
      '陕西省民政厅办公室文件',
      '陕民办发〔2014〕12号',
      '关于2014年陕西民政网站群内容维护情况的通报',
      '各设区市民政局，厅直属各单位：',
      '2014年12月31日',
      '方正小标宋简体',
      '仿宋_GB2312',
      'w:color w:val="FF0000"',
    ])
      expect(xml).toContain(text);
    // The attachment's table.
    expect(xml).toContain('<w:tbl>');
    // Live figures: no frozen version to name (rankings.int.test.ts downloads a frozen one).
    expect(xml).not.toContain('发布排名第');
  });

  it('监测通报: the notice of the period under the heading given', async () => {
    const res = await asAdmin(app, province)
      .download(`/governance/reports/inspection-notice?from=2014-07-01&to=2014-09-30&${HEADING}`)
      .expect(200);
    expect(fileName(res.headers['content-disposition'])).toBe(
      '2014年第三季度陕西民政网站群监测情况通报.docx'
    );
    const xml = await documentXml(res.body);
    expect(xml).toContain('关于2014年第三季度陕西民政网站群监测情况的通报');
    expect(xml).toContain('陕民办发〔2014〕12号');
    expect(xml).toContain('2014年12月31日');
  });

  it.each([
    ['a 文号 without its brackets', 'docNumber=' + encodeURIComponent('陕民办发[2014]12号')],
    ['an issuer in Latin letters', 'issuer=Office'],
    ['a date that is not a date', 'date=2014-13'],
  ])('refuses %s', async (_, change) => {
    const [key] = change.split('=');
    const query = HEADING.split('&')
      .filter((p) => !p.startsWith(`${key}=`))
      .concat(change)
      .join('&');
    await asAdmin(app, province)
      .get(`/governance/reports/annual-notice?year=2014&${query}`)
      .expect(400);
  });

  it('refuses the documents to a site editor', async () => {
    await asAdmin(app, editor)
      .get(`/governance/reports/annual-notice?year=2014&${HEADING}`)
      .expect(403);
    await asAdmin(app, editor)
      .get(`/governance/reports/inspection-notice?from=2014-07-01&to=2014-09-30&${HEADING}`)
      .expect(403);
  });
});
