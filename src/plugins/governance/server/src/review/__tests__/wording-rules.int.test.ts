/**
 * 规范表述 (docs/review.md): the province's list of wrong forms and right ones, kept by hand and
 * by Excel, checked at submission like the word list: a serious wording error blocks it.
 */
import { paragraph } from '@test-helpers/article-body';
import { xlsxWith } from '@test-helpers/documents';
import { createSitesAndStaff } from '@test-helpers/sites';
import { sheetRows } from '@test-helpers/spreadsheets';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { WordingRuleEntry } from '../../../../shared/contracts/review';
import { ERRORS } from '../messages';
import { ARTICLE, WORDING_RULE } from '../../uids';

const RULES = '/governance/review/wording-rules';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
let xian: string;

const as = (admin: TestAdmin) => asAdmin(app, admin);

const importFile = (bytes: Buffer, name = '规范表述.xlsx', who = province) =>
  app
    .http()
    .post(`${RULES}/import`)
    .set({ Authorization: `Bearer ${who.token}` })
    .attach('file', bytes, name);

const listed = async () =>
  ((await as(province).get(RULES).expect(200)).body.data as WordingRuleEntry[]).map((rule) => [
    rule.wrong,
    rule.right,
    rule.category,
    rule.note,
  ]);

/** The exported workbook, and its rows from the heads down. */
const exported = async () => {
  const res = await as(province).download(`${RULES}/export`).expect(200);
  const rows = (await sheetRows(res)).map((row) => row.map((value) => String(value ?? '')));
  return {
    bytes: res.body as Buffer,
    rows: rows.slice(rows.findIndex((row) => row[0] === '错误表述')),
  };
};

beforeAll(async () => {
  app = await startApp('wording-rules');
  ({
    sites: { xian },
    staff: { province, editor },
  } = await createSitesAndStaff(app, {
    sites: { xian: { name: '西安市', level: 'city', sortOrder: 1 } },
    staff: {
      province: ['governance-provincial-admin', '词库管理'],
      editor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
    },
  }));
});

afterAll(() => app?.stop());

describe('the 规范表述 list', () => {
  afterEach(() => app.strapi.db.query(WORDING_RULE).deleteMany({}));

  it('is kept by the province: added trimmed, changed, removed; refused to a site editor', async () => {
    const created = await as(province)
      .post(RULES, { wrong: ' 一带一路战略 ', right: '一带一路倡议', category: 'political' })
      .expect(201);
    expect(created.body.data).toMatchObject({ wrong: '一带一路战略', note: null });
    await as(province)
      .put(`${RULES}/${created.body.data.id}`, {
        wrong: '一带一路战略',
        right: '一带一路倡议',
        category: 'political',
        note: '2015年起统一表述',
      })
      .expect(200);
    expect(await listed()).toEqual([
      ['一带一路战略', '一带一路倡议', 'political', '2015年起统一表述'],
    ]);

    await as(editor).get(RULES).expect(403);
    await as(editor).post(RULES, { wrong: 'a', right: 'b', category: 'other' }).expect(403);
    await as(editor).get(`${RULES}/export`).expect(403);
    await importFile(await xlsxWith([['错误表述', '规范表述']]), undefined, editor).expect(403);

    await as(province).delete(`${RULES}/${created.body.data.id}`).expect(204);
    await as(province).delete(`${RULES}/${created.body.data.id}`).expect(404);
    expect(await listed()).toEqual([]);
  });

  it('refuses a rule the check could not keep, in Chinese', async () => {
    await as(province)
      .post(RULES, { wrong: '两学一做', right: '两学一做学习教育', category: 'political' })
      .expect(201);
    const refused = async (body: object, message: string) => {
      const res = await as(province).post(RULES, body).expect(400);
      expect(res.body.error.message).toBe(message);
    };
    // The same wrong form as the check reads it, a wrong form another rule writes as right, a
    // right form another rule lists as wrong, the same form twice, and bad input.
    await refused(
      { wrong: '兩學一做', right: '两学一做', category: 'other' },
      ERRORS.wordingSame('兩學一做')
    );
    await refused(
      { wrong: '兩學 一做', right: '两学一做教育', category: 'other' },
      ERRORS.wordingTaken('兩學 一做', '两学一做')
    );
    await refused(
      { wrong: '两学一做学习教育', right: '两学一做教育', category: 'other' },
      ERRORS.wordingIsRight('两学一做学习教育')
    );
    await refused(
      { wrong: '学习两学一做', right: '两学一做', category: 'other' },
      ERRORS.wordingRightIsWrong('两学一做')
    );
    await refused({ wrong: '', right: '甲', category: 'other' }, ERRORS.wordingWrong);
    await refused({ wrong: '甲', right: '乙', category: 'secret' }, ERRORS.wordingCategory);
    await refused({ wrong: '甲', right: '乙'.repeat(101), category: 'other' }, ERRORS.wordingRight);
    await as(province)
      .post(RULES, { wrong: '甲', right: '乙', category: 'other', role: 'x' })
      .expect(400);
    expect(await listed()).toHaveLength(1);
  });

  it('exports a workbook the import reads back unchanged, formulas neutralised', async () => {
    await as(province)
      .post(RULES, {
        wrong: '中华人民共合国',
        right: '中华人民共和国',
        category: 'institution',
        note: '=HYPERLINK("http://example.com","点击")',
      })
      .expect(201);
    const { bytes, rows } = await exported();
    expect(rows).toEqual([
      ['错误表述', '规范表述', '类别', '说明'],
      ['中华人民共合国', '中华人民共和国', '机构名称', `'=HYPERLINK("http://example.com","点击")`],
    ]);
    const res = await importFile(bytes).expect(200);
    expect(res.body.data).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await listed()).toEqual([
      [
        '中华人民共合国',
        '中华人民共和国',
        'institution',
        '=HYPERLINK("http://example.com","点击")',
      ],
    ]);
  });

  it('imports all or nothing: a file with bad rows names them and changes nothing', async () => {
    await as(province)
      .post(RULES, { wrong: '一带一路战略', right: '一带一路倡议', category: 'other' })
      .expect(201);
    const heads = ['错误表述', '规范表述', '类别', '说明'];
    const bad = await importFile(
      await xlsxWith([
        ['规范表述库（2026年）'],
        heads,
        ['两学一做', '两学一做学习教育', '政治表述', ''],
        ['', '空的错误表述', '', ''],
        ['一带一路战略', '一带一路倡议', '秘密', ''],
        ['两学一做', '两学一做教育', '', ''],
      ])
    ).expect(400);
    expect(bad.body.error.message).toBe(
      ERRORS.wordingImportRows([
        { row: 4, message: ERRORS.wordingWrong },
        { row: 5, message: ERRORS.wordingCategory },
        { row: 6, message: ERRORS.wordingTaken('两学一做', '两学一做') },
      ])
    );
    expect(await listed()).toEqual([['一带一路战略', '一带一路倡议', 'other', null]]);

    const good = await importFile(
      await xlsxWith([
        heads,
        ['两学一做', '两学一做学习教育', '政治表述', ''],
        ['一带一路战略', '一带一路倡议', '政治表述', '统一表述'],
        [],
        ['中华人民共合国', '中华人民共和国', '', ''],
      ])
    ).expect(200);
    expect(good.body.data).toEqual({ added: 2, updated: 1, unchanged: 0 });
    expect(await listed()).toEqual([
      ['一带一路战略', '一带一路倡议', 'political', '统一表述'],
      ['两学一做', '两学一做学习教育', 'political', null],
      ['中华人民共合国', '中华人民共和国', 'other', null],
    ]);
  });

  it('refuses a file that is not its workbook, in Chinese', async () => {
    const message = async (bytes: Buffer, name?: string) =>
      (await importFile(bytes, name).expect(400)).body.error.message;
    expect(await message(Buffer.from('not a workbook'), 'x.xlsx')).toBe(
      '无法读取上传的文件，请上传 Excel 工作簿（.xlsx）'
    );
    expect(await message(await xlsxWith([['词语', '级别']]))).toBe(
      '第一个工作表中找不到表头（错误表述、规范表述），请使用导出的表格填写'
    );
    expect(await message(await xlsxWith([['错误表述', '规范表述']]))).toBe(
      ERRORS.wordingImportEmpty
    );
    const none = await as(province).post(`${RULES}/import`, {}).expect(400);
    expect(none.body.error.message).toBe(ERRORS.importFile);
    expect(await listed()).toEqual([]);
  });
});

describe('a serious wording error at submission', () => {
  beforeAll(async () => {
    await as(province)
      .post(RULES, { wrong: '一带一路战略', right: '一带一路倡议', category: 'political' })
      .expect(201);
    await as(province)
      .post(RULES, { wrong: '两学一做', right: '两学一做学习教育', category: 'political' })
      .expect(201);
  });

  const draft = async (title: string, text: string) => {
    const res = await as(editor)
      .post(`/content-manager/collection-types/${ARTICLE}`, {
        title,
        site: xian,
        body: paragraph(text),
      })
      .expect(201);
    return res.body.data.documentId as string;
  };
  const submit = (documentId: string) =>
    as(editor).post(`/governance/review/articles/${documentId}/submit`);

  it('blocks it, naming the wrong form and the right one, where it stands', async () => {
    const id = await draft('推进一帶一路戰略', '深入开展两学一做学习教育。');
    const res = await submit(id).expect(400);
    expect(res.body.error.message).toBe(
      ERRORS.blockingHits([], [], ['“一带一路战略”应为：一带一路倡议'])
    );
    expect(res.body.error.details.wordHits).toEqual([
      expect.objectContaining({
        word: '一带一路战略',
        found: '一帶一路戰略',
        kind: 'wording',
        level: 'forbidden',
        suggestion: '一带一路倡议',
        field: 'title',
        start: 2,
      }),
    ]);
  });

  it('lets the right form through, and sees a rule added since', async () => {
    const id = await draft('学习教育', '深入开展两学一做学习教育，共建一带一路倡议。');
    await submit(id).expect(200);
    await as(province)
      .post(RULES, {
        wrong: '共建一带一路倡议',
        right: '共建“一带一路”倡议',
        category: 'political',
      })
      .expect(201);
    const later = await draft('学习教育（二）', '共建一带一路倡议。');
    const res = await submit(later).expect(400);
    expect(res.body.error.details.wordHits.map((hit: { word: string }) => hit.word)).toEqual([
      '共建一带一路倡议',
    ]);
  });
});
