/**
 * The article edit view tells the truth, as the county editor 张敏 meets it in each state: a new
 * draft, one 已送审, one 已退回, one approved, the same published, and a 2014 article published
 * before this system. 发布 is enabled only when the review allows it, with the reason beside it
 * otherwise; the panel shows the state the list shows, who holds the step waited on and the
 * sensitive words highlighted in their sentence; 栏目 is chosen from the site's columns and
 * 首次发布时间 cannot be typed into. No English in the panels.
 */
import type { Knex } from 'knex';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  approveInPanel,
  launchBrowser,
  loginAs,
  screenshot,
  tallScreenshot,
} from '../helpers/browser';
import { openDemoDatabase } from '../helpers/demo-database';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let db: Knex;
let editor: Page;

const EDITOR = 'ankang-hanbin.editor@demo.example';
const APPROVER = 'approver@demo.example';
const ARTICLES = '/admin/content-manager/collection-types/api::article.article';
/** The columns of 汉滨区 as the demo sets them up, in order, with their kinds. */
const HANBIN_COLUMNS = [
  '工作动态（动态类）',
  '通知公告（通知公告类）',
  '基层动态（动态类）',
  '信息公开（政策文件类）',
  '专题专栏（动态类）',
];

const panel = (page: Page) => page.getByTestId('review-panel');
const publishButton = (page: Page) => page.getByRole('button', { name: '发布', exact: true });
const columnSelect = (page: Page) => page.getByRole('combobox', { name: '栏目' });

/** An article's edit view, by its title. */
const open = async (page: Page, title: string) => {
  const row = await db('articles').where({ title }).first('document_id');
  if (!row) throw new Error(`no article titled ${title}`);
  await page.goto(`${server.url}${ARTICLES}/${row.document_id}`);
  await panel(page).waitFor();
};

/** The review panel's text holds no English word (a name of four letters or more). */
const expectChinese = async (area: Locator) => {
  const text = await area.innerText();
  expect(text.match(/[A-Za-z]{4,}/g)).toBeNull();
};

const expectPublish = async (page: Page, enabled: boolean) => {
  await page.waitForTimeout(300); // the button follows the review once it has loaded
  expect(await publishButton(page).isDisabled()).toBe(!enabled);
};

/** 发布 disabled with the panel saying why, all in Chinese; then the state's screenshot. */
const expectNoPublishing = async (page: Page, reason: string, name: string) => {
  await panel(page).getByText(reason).waitFor();
  await expectPublish(page, false);
  await expectChinese(panel(page));
  await tallScreenshot(page, name, 1500);
};

beforeAll(async () => {
  server = await startDemoServer('e2e-edit-view');
  browser = await launchBrowser();
  db = openDemoDatabase(server);
  editor = await loginAs(browser, server, EDITOR);
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await server?.stop();
});

describe('the article edit view in each state', () => {
  it('a new draft: 栏目 from the site’s list, 首次发布时间 read-only, 发布 disabled until review', async () => {
    await editor.goto(`${server.url}${ARTICLES}/create`);
    await editor.locator('input[name="title"]').fill('汉滨区2015年春季助学金发放情况');
    await columnSelect(editor).click();
    const options = editor.getByRole('option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['（未选栏目）', ...HANBIN_COLUMNS]);
    await screenshot(editor, 'edit-view-column-choices');
    await editor.getByRole('option', { name: '基层动态（动态类）' }).click();
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL((url) => !url.pathname.endsWith('/create'));
    await panel(editor).getByText('草稿').first().waitFor();

    // Its date and time pickers (a labelled group) cannot be opened or typed into.
    const pickers = editor.getByRole('group', { name: '首次发布时间' }).locator('input');
    expect(await pickers.count()).toBeGreaterThan(0);
    for (const input of await pickers.all()) expect(await input.isDisabled()).toBe(true);
    await expectNoPublishing(editor, '文章尚未送审', 'edit-view-draft');
  });

  it('已送审: waiting at 保密审查 for 陈静, the words to check highlighted, 发布 disabled', async () => {
    await open(editor, '汉滨区2015年第一季度城乡低保资金发放情况');
    await panel(editor).getByText('已送审').first().waitFor();
    await panel(editor).getByText('等待第 1/2 步：保密审查').waitFor();
    await expect(panel(editor).getByTestId('review-waiting-on').innerText()).resolves.toBe(
      '由 陈静 审核'
    );
    const hit = panel(editor).getByTestId('word-hit-context').first();
    await expect(hit.locator('mark').innerText()).resolves.toBe('陕西省民政局');
    expect(await hit.innerText()).toContain('根据陕西省民政局有关要求');
    await expectNoPublishing(editor, '文章正在审核中', 'edit-view-submitted');
  });

  it('已退回: the reviewer’s reason, 发布 disabled', async () => {
    await open(editor, '汉滨区临时救助对象公示');
    await panel(editor).getByText('已退回').first().waitFor();
    await panel(editor).getByTestId('review-rejection-reason').waitFor();
    await expectNoPublishing(editor, '请按退回原因修改后重新送审', 'edit-view-rejected');
  });

  it('approved: 发布 enabled once the last step approves; published: 审核通过 and 已发布', async () => {
    const title = '汉滨区开展冬季送温暖活动';
    await open(editor, title);
    await expect(panel(editor).getByTestId('review-waiting-on').innerText()).resolves.toBe(
      '由 赵刚 审核'
    );
    await expectPublish(editor, false);

    const approver = await loginAs(browser, server, APPROVER);
    await open(approver, title);
    await expectChinese(panel(approver));
    await approveInPanel(approver);
    await approver.close();

    await open(editor, title);
    await panel(editor).getByText('已通过全部审核步骤，可以发布。').waitFor();
    await expectPublish(editor, true);
    await expectChinese(panel(editor));
    await tallScreenshot(editor, 'edit-view-approved', 1500);

    await publishButton(editor).click();
    await panel(editor).getByTestId('article-state').getByText('已发布').waitFor();
    await panel(editor).getByTestId('article-state').getByText('审核通过').waitFor();
    await expectPublish(editor, false);
    await tallScreenshot(editor, 'edit-view-published', 1500);
  });

  it('a 2014 article: 审核通过 and 已发布 in the list and in the panel, nothing to submit', async () => {
    // The demo's slugs are `<site>-<year>-<n>`.
    const row = await db('articles')
      .where('slug', 'like', 'ankang-hanbin-2014-%')
      .whereNotNull('published_at')
      .orderBy('slug')
      .first('title', 'document_id');
    await editor.goto(
      `${server.url}${ARTICLES}?filters[$and][0][title][$eq]=${encodeURIComponent(row.title)}`
    );
    // Titles repeat across years in the demo: the first row of that title will do.
    const listed = editor.getByRole('row', { name: new RegExp(row.title) }).first();
    await listed.getByText('审核通过').waitFor();
    await listed.getByText('已发布').waitFor();
    await screenshot(editor, 'edit-view-list-2014');

    await editor.goto(`${server.url}${ARTICLES}/${row.document_id}`);
    await panel(editor).waitFor();
    const state = panel(editor).getByTestId('article-state');
    await state.getByText('审核通过').waitFor();
    await state.getByText('已发布').waitFor();
    expect(await panel(editor).getByRole('button', { name: '送审' }).count()).toBe(0);
    await expectNoPublishing(editor, '本系统启用前已审核发布', 'edit-view-2014');
  });
});

describe('栏目', () => {
  it('marks a column the site does not have, and saving it is refused in Chinese', async () => {
    const title = '汉滨区栏目写错的文章';
    const created = await db('articles').where({ title: '汉滨区2015年春季助学金发放情况' }).first();
    await db('articles').where({ document_id: created.document_id }).update({ column: '工做动态' });
    await open(editor, '汉滨区2015年春季助学金发放情况');
    const field = editor.getByText('“工做动态”不是本站点设置的栏目，请重新选择');
    await field.waitFor();
    await editor.locator('input[name="title"]').fill(title);
    await editor.getByRole('button', { name: '保存' }).click();
    await editor
      .getByText(/栏目“工做动态”不是汉滨区设置的栏目/)
      .first()
      .waitFor();
    await tallScreenshot(editor, 'edit-view-column-refused', 1500);
    const [{ n }] = await db('articles').where({ title }).count({ n: '*' });
    expect(Number(n)).toBe(0);
  });
});
