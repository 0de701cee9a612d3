/**
 * Strapi's Content Manager in Chinese, as a 西安 site editor sees it: the 网民留言 list names its
 * columns, categories and 办理状态 in Chinese (not Strapi's 已发布), a filter and its chip name
 * the category, a message's edit view shows its labels, its category and its 办理状态 panel;
 * the 文章 and 站点 lists and an article's edit view likewise. No attribute name or stored
 * enumeration value is visible anywhere.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const CM = '/admin/content-manager/collection-types';
const MESSAGES = `${CM}/api::citizen-message.citizen-message`;
const ARTICLES = `${CM}/api::article.article`;
const SITES = `${CM}/api::site.site`;

/** What Strapi would show untranslated: attribute names and stored enumeration values. */
const RAW = new RegExp(
  `\\b(${[
    // fields
    'caseNumber',
    'originalCategory',
    'receivedAt',
    'dueAt',
    'replyingUnit',
    'workingDaysToReply',
    'repliedOnTime',
    'holderRepliedOnTime',
    'repliedAt',
    'repliedBy',
    'reopenedAt',
    'spotCheck',
    'overdueNotifiedAt',
    'isPublic',
    'satisfaction',
    'subject',
    'category',
    'firstPublishedAt',
    'isSpecialTopic',
    'reviewStatus',
    'sortOrder',
    'responsiblePerson',
    'siteType',
    'sponsor',
    'siteIdCode',
    'icpNumber',
    'publicSecurityNumber',
    'createdAt',
    'updatedAt',
    'documentId',
    // values
    'consultation',
    'complaint',
    'suggestion',
    'received',
    'accepted',
    'replied',
    'transferred',
    'rejected',
    'satisfied',
    'unsatisfied',
    'substandard',
    'portal',
    'department',
    'county',
    'governmentPortal',
    'departmentSite',
    'specialSite',
  ].join('|')})\\b`
);

/** The page's visible text (the main area: the Content Manager's list or form and its panels). */
const visibleText = (on: Page) => on.locator('main').innerText();

/** The list's column heads, in order. */
const columnHeads = async (on: Page) =>
  (await on.locator('thead th').allInnerTexts()).map((head) => head.trim()).filter(Boolean);

/** Every word appears in the visible text. */
const expectWords = async (on: Page, words: string[]) => {
  const text = await visibleText(on);
  expect(words.filter((word) => !text.includes(word))).toEqual([]);
};

const expectNoRawNames = async (on: Page) => {
  const text = await visibleText(on);
  expect(text.match(RAW)?.[0] ?? null).toBeNull();
};

beforeAll(async () => {
  server = await startDemoServer('e2e-cm-chinese');
  browser = await launchBrowser();
  page = await loginAs(browser, server, 'xian.editor@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('lists citizen messages with Chinese columns, categories and 办理状态', async () => {
  await page.goto(`${server.url}${MESSAGES}`);
  await page.getByRole('heading', { name: '网民留言' }).waitFor();
  await page.getByRole('gridcell').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'cm-messages-list');
  expect(await columnHeads(page)).toEqual([
    '留言编号',
    '标题',
    '所属站点',
    '类别',
    '办理状态',
    '收到时间',
    '答复期限',
  ]);
  const text = await visibleText(page);
  expect(text).toMatch(/咨询|投诉|建议|其他/);
  expect(text).toMatch(/待签收|办理中|已答复|已办结|已转办|不予受理/);
  // Strapi's draft/publish status means nothing for a message.
  expect(text).not.toContain('已发布');
  await expectNoRawNames(page);
  await screenshot(page, 'cm-messages-list');

  // Filtered by category: the chip names the category too.
  await page.goto(`${server.url}${MESSAGES}?filters[$and][0][category][$eq]=complaint`);
  await page.getByText(/类别\s*等于\s*投诉/).waitFor();
  await page.getByRole('gridcell', { name: '投诉' }).first().waitFor();
  await page.getByRole('button', { name: '筛选器' }).click();
  await page.getByRole('dialog').waitFor();
  await screenshot(page, 'cm-messages-filter');
  await page.keyboard.press('Escape');
  await expectNoRawNames(page);
});

it('opens a message with Chinese labels, its category and its 办理状态', async () => {
  await page.goto(`${server.url}${MESSAGES}`);
  await page.getByRole('gridcell').first().waitFor();
  await page
    .getByRole('link', { name: /^\d{4}-\d{6}$/ })
    .first()
    .click();
  await page.getByRole('textbox', { name: '标题' }).waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'cm-message-edit');
  await expectWords(page, [
    '留言编号',
    '类别',
    '留言内容',
    '收到时间',
    '答复期限',
    '答复单位',
    '公开',
  ]);
  const category = page.getByRole('combobox', { name: '类别', exact: true });
  expect(await category.innerText()).toMatch(/咨询|投诉|建议|其他/);
  // The 办理状态 panel, since Strapi's form never gets the message's own status.
  await page.getByText('办理状态', { exact: true }).waitFor();
  expect(await visibleText(page)).toMatch(/待签收|办理中|已答复|已办结|已转办|不予受理/);
  await expectNoRawNames(page);
  await screenshot(page, 'cm-message-edit');
});

it('lists and opens articles and lists sites in Chinese', async () => {
  // Newest first by default (an indexed order), not by title: the list asks for it.
  const newestFirst = page.waitForRequest(
    (request) =>
      decodeURIComponent(request.url()).includes('/collection-types/api::article.article?') &&
      decodeURIComponent(request.url()).includes('sort=createdAt:DESC')
  );
  await page.goto(`${server.url}${ARTICLES}`);
  await page.getByRole('heading', { name: '文章' }).waitFor();
  await newestFirst;
  await page.getByRole('gridcell').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'cm-articles-list');
  expect(await columnHeads(page)).toEqual(
    expect.arrayContaining(['标题', '所属站点', '栏目', '首次发布时间', '审核状态'])
  );
  await expectNoRawNames(page);
  await screenshot(page, 'cm-articles-list');

  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await page.getByRole('textbox', { name: '标题' }).waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'cm-article-edit');
  await expectWords(page, ['链接别名', '摘要', '正文', '栏目', '专题文章']);
  await expectNoRawNames(page);
  await screenshot(page, 'cm-article-edit');

  await page.goto(`${server.url}${SITES}`);
  await page.getByRole('heading', { name: '站点' }).waitFor();
  await page.getByRole('gridcell').first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'cm-sites-list');
  expect(await columnHeads(page)).toEqual(expect.arrayContaining(['站点名称', '站点代码', '级别']));
  expect(await visibleText(page)).toMatch(/设区市级|区县级|厅直单位|门户网站/);
  await expectNoRawNames(page);
  await screenshot(page, 'cm-sites-list');
});

it("lets the province keep a site's identity, each number in its form's shape", async () => {
  const province = await loginAs(browser, server, 'province.admin@demo.example');
  await province.goto(`${server.url}${SITES}?_q=${encodeURIComponent('西安市')}`);
  await province.getByRole('gridcell', { name: '西安市', exact: true }).first().click();
  const code = province.getByRole('textbox', { name: '政府网站标识码' });
  await code.waitFor();
  await province.waitForLoadState('networkidle');
  // The demo's identity, made up in the real shapes.
  expect(await province.getByRole('textbox', { name: '主办单位' }).inputValue()).toBe(
    '西安市民政局'
  );
  expect(await code.inputValue()).toMatch(/^6100000\d{3}$/);
  expect(await province.getByRole('textbox', { name: 'ICP备案号' }).inputValue()).toMatch(
    /^陕ICP备\d{8}号$/
  );
  expect(
    await province.getByRole('combobox', { name: '网站类型', exact: true }).innerText()
  ).toContain('部门网站');
  await code.scrollIntoViewIfNeeded();
  await screenshot(province, 'cm-site-identity');
  // The 答复期限 field is JSON keyed by the categories' codes, as its example says: braces aside.
  expect(
    (await visibleText(province)).replace(/\{[^}]*\}/g, '').match(RAW)?.[0] ?? null
  ).toBeNull();

  // A code not in its shape is refused in words an office understands, and nothing is saved.
  await code.fill('61-0001');
  await province.getByRole('button', { name: '保存' }).click();
  await province.getByText('格式不正确，请检查后重新填写。').first().waitFor();
  await screenshot(province, 'cm-site-identity-refused');
  await province.close();
});
