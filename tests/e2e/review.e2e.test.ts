/**
 * 先审后发 in the browser: a county editor writes and submits an article, the reviewer and the
 * approver each take their step, and only then does the editor's Publish go through; a second
 * article is sent back with a reason the editor reads. Also the queue, the home-page widget, the
 * word list and the 规范表述 list.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { approveInPanel, launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

const EDITOR = 'ankang-hanbin.editor@demo.example';
const REVIEWER = 'reviewer@demo.example';
const APPROVER = 'approver@demo.example';
const ARTICLES = '/admin/content-manager/collection-types/api::article.article';

const login = (email: string) => loginAs(browser, server, email);

const panel = (page: Page) => page.getByTestId('review-panel');

/** Writes a new article in the Content Manager and saves it as a draft; answers its edit URL. */
const writeArticle = async (page: Page, title: string) => {
  await page.goto(`${server.url}${ARTICLES}/create`);
  await page.locator('input[name="title"]').fill(title);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/create'));
  await panel(page).waitFor();
  return page.url();
};

/** Opens the article from the reviewer's queue, as a reviewer finds it. */
const openFromQueue = async (page: Page, title: string) => {
  await page.goto(`${server.url}/admin/plugins/governance/review`);
  await page.getByRole('heading', { name: '待我审核' }).waitFor();
  await page.getByRole('link', { name: title }).click();
  await panel(page).waitFor();
};

beforeAll(async () => {
  server = await startDemoServer('e2e-review');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The document id at the end of an edit view's address. */
const documentIdOf = (url: string) => new URL(url).pathname.split('/').pop();

describe('an article through review', () => {
  const title = '汉滨区2015年春节走访慰问困难群众';
  let editUrl: string;

  it('is written and submitted by the county editor, and cannot be published before review', async () => {
    const page = await login(EDITOR);
    editUrl = await writeArticle(page, title);
    await panel(page).getByText('草稿').waitFor();

    // 发布 waits for the review, and the panel says so (the server refuses it too).
    await panel(page).getByText('文章尚未送审').waitFor();
    await page.waitForTimeout(300); // the button follows the review once it has loaded
    expect(await page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'review-publish-refused');

    await panel(page).getByRole('button', { name: '送审' }).click();
    await panel(page).getByText('等待第 1/2 步：保密审查').waitFor();
    await screenshot(page, 'review-submitted');
    await page.close();
  });

  it('is approved at 保密审查 by the reviewer, who finds it in the queue', async () => {
    const page = await login(REVIEWER);
    await page.goto(`${server.url}/admin`);
    // The home page's 待我审核 counts the article just submitted.
    await page.getByTestId('todo-review-toReview-count').filter({ hasText: '2' }).waitFor();
    await screenshot(page, 'review-home-widget');
    await page.goto(`${server.url}/admin/plugins/governance/review`);
    await page.getByRole('link', { name: title }).waitFor();
    // The plugin's navigation, with the count of what waits.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /待我审核\s*2/ })
      .waitFor();
    await screenshot(page, 'review-queue');

    await openFromQueue(page, title);
    await approveInPanel(page, {
      comment: '已审核，同意',
      screenshotName: 'review-approve-reviewer',
    });
    await panel(page).getByText('等待第 2/2 步：终审').waitFor();
    await page.close();
  });

  it('is approved at 终审 by the approver', async () => {
    const page = await login(APPROVER);
    await openFromQueue(page, title);
    await approveInPanel(page, {
      comment: '已审核，同意',
      screenshotName: 'review-approve-approver',
    });
    await panel(page).getByText('已通过全部审核步骤，可以发布。').waitFor();
    await screenshot(page, 'review-approved');
    await page.close();
  });

  it('is published by the editor, and the list shows its state', async () => {
    const page = await login(EDITOR);
    await page.goto(editUrl);
    await panel(page).getByText('审核通过').first().waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    // Online as soon as the publication commits: the public API is the citizen's view.
    const online = async () =>
      (
        (await (
          await fetch(
            `${server.url}/api/articles?filters[documentId][$eq]=${documentIdOf(editUrl)}`
          )
        ).json()) as { data: unknown[] }
      ).data.length;
    for (let tries = 0; tries < 50 && (await online()) === 0; tries += 1)
      await page.waitForTimeout(200);
    expect(await online()).toBe(1);

    // The list's own order: newest first, so the article just written is on the first page.
    await page.goto(`${server.url}${ARTICLES}`);
    await page.getByRole('gridcell', { name: title }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.getByText('审核通过').waitFor();
    await screenshot(page, 'review-article-list');
    await page.close();
  });
});

describe('an article sent back', () => {
  const title = '汉滨区临时救助资金使用情况';
  const reason = '第二段的救助金额与财政局公布的数据不一致，请核实后重新送审';

  it('is rejected by the reviewer with a reason the editor reads', async () => {
    const editor = await login(EDITOR);
    const url = await writeArticle(editor, title);
    await panel(editor).getByRole('button', { name: '送审' }).click();
    await panel(editor).getByText('已送审').waitFor();

    const reviewer = await login(REVIEWER);
    await openFromQueue(reviewer, title);
    await panel(reviewer).getByRole('button', { name: '退回' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByRole('textbox').fill(reason);
    await reviewer.waitForTimeout(400); // the dialog fades in
    await screenshot(reviewer, 'review-reject-dialog');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await reviewer.getByText('已退回给送审人').first().waitFor();
    await reviewer.close();

    await editor.goto(url);
    await expect(panel(editor).getByTestId('review-rejection-reason').textContent()).resolves.toBe(
      reason
    );
    await screenshot(editor, 'review-rejected-editor');

    await editor.goto(`${server.url}/admin/plugins/governance/review`);
    await editor.getByRole('heading', { name: '我的送审' }).waitFor();
    await editor.getByText(reason).waitFor();
    await screenshot(editor, 'review-mine');
    await editor.close();
  });
});

describe('the sensitive-word list', () => {
  it('is kept by the provincial admin', async () => {
    const page = await login('province.admin@demo.example');
    await page.goto(`${server.url}/admin/plugins/governance/review/words`);
    await page.getByRole('heading', { name: '错敏词库' }).waitFor();
    await page.getByLabel('词语').fill('涉密文件');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByRole('gridcell', { name: '涉密文件', exact: true }).waitFor();
    await screenshot(page, 'review-words');
    await page.close();
  });
});

describe('the 规范表述 list', () => {
  const workbook = async (rows: string[][]) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('规范表述');
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('is kept by the provincial admin, by hand and from Excel', async () => {
    const page = await login('province.admin@demo.example');
    await page.goto(`${server.url}/admin/plugins/governance/review/wording-rules`);
    await page.getByRole('heading', { name: '规范表述库' }).waitFor();
    // The demo's list is there.
    await page.getByRole('gridcell', { name: '台湾当局', exact: true }).waitFor();

    await page.locator('input[name="wrong"]').fill('两学一做');
    await page.locator('input[name="right"]').fill('两学一做学习教育');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByRole('gridcell', { name: '两学一做学习教育', exact: true }).waitFor();

    // A file with a bad row changes nothing and says which row.
    await page.getByTestId('wording-import-file').setInputFiles({
      name: '规范表述.xlsx',
      mimeType: XLSX,
      buffer: await workbook([
        ['错误表述', '规范表述', '类别'],
        ['十三五规划纲要', '“十三五”规划纲要', '政治表述'],
        ['香港回归', '香港回归祖国', '秘密'],
      ]),
    });
    await page.getByText('导入失败，未导入任何内容：第 3 行，类别须为').waitFor();
    await screenshot(page, 'wording-rules-import-refused');
    expect(await page.getByRole('gridcell', { name: '十三五规划纲要' }).count()).toBe(0);

    await page.getByTestId('wording-import-file').setInputFiles({
      name: '规范表述.xlsx',
      mimeType: XLSX,
      buffer: await workbook([
        ['错误表述', '规范表述', '类别', '说明'],
        ['十三五规划纲要', '“十三五”规划纲要', '政治表述', ''],
        ['国家发改委', '国家发展改革委', '机构名称', '规范简称'],
      ]),
    });
    await page.getByText('导入完成：新增 1 条，更新 1 条，0 条未变').waitFor();
    await page.getByRole('gridcell', { name: '十三五规划纲要', exact: true }).waitFor();
    await screenshot(page, 'wording-rules');
    await page.close();
  });

  it('shows the county editor a serious wording error with its right form, and refuses the submission', async () => {
    const page = await login(EDITOR);
    await writeArticle(page, '汉滨区主动融入一带一路战略');
    const hits = panel(page).getByTestId('word-hits');
    await hits.getByText('严重表述错误“一带一路战略”').waitFor();
    await hits.getByText('规范表述：“一带一路”倡议').waitFor();
    await panel(page).getByRole('button', { name: '送审' }).click();
    await page.getByText('文章有严重表述错误：“一带一路战略”应为：“一带一路”倡议').waitFor();
    await screenshot(page, 'review-wording-error');
    await page.close();
  });
});
