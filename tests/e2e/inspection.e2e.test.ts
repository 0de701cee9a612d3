/**
 * 内容巡检 in the browser: the province adds a forbidden word to the list; a county editor
 * inspects their site's published articles on demand, reads each finding in its sentence, marks
 * one a false positive with a reason and takes another article offline (撤稿); the province reads
 * every site's open findings, exports them, and sees them in 站群监测 (its rule and its alert).
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { openDemoDatabase } from '../helpers/demo-database';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

const inspectionUrl = () => `${server.url}/admin/plugins/governance/inspection`;
const login = (email: string) => loginAs(browser, server, email);

/**
 * One of 汉滨区's published articles given a link to a file the media library does not hold, as
 * an import from an older system leaves them: written straight into the database.
 */
const linkToAMissingFile = async () => {
  const db = openDemoDatabase(server);
  try {
    const site = await db('sites').where({ code: 'ankang-hanbin' }).first('id');
    const article = await db('articles')
      .where({ site_key: site.id })
      .whereNotNull('published_at')
      .orderBy('id')
      .first('id', 'title', 'body');
    const body = JSON.parse(article.body);
    body.push({
      type: 'paragraph',
      children: [
        { type: 'text', text: '附件：' },
        {
          type: 'link',
          url: '/uploads/hanbin_dibao_shenqingbiao.doc',
          children: [{ type: 'text', text: '低保申请表' }],
        },
      ],
    });
    await db('articles')
      .where({ id: article.id })
      .update({ body: JSON.stringify(body) });
    return article.title as string;
  } finally {
    await db.destroy();
  }
};

beforeAll(async () => {
  server = await startDemoServer('e2e-inspection');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('内容巡检', () => {
  it('finds a word added to the list in articles already online, for the county editor', async () => {
    // A phrase the demo's county articles use, listed as forbidden.
    const province = await login('province.admin@demo.example');
    await province.goto(`${server.url}/admin/plugins/governance/review/words`);
    await province.getByLabel('词语').fill('以人为本');
    await province.getByRole('combobox', { name: '级别' }).click();
    await province.getByRole('option', { name: '禁用' }).click();
    await province.getByRole('button', { name: '添加' }).click();
    await province.getByRole('gridcell', { name: '以人为本', exact: true }).waitFor();

    // 外链名单: a site articles may link to, and one they must not.
    await province.goto(`${server.url}/admin/plugins/governance/review/link-hosts`);
    await province.getByRole('heading', { name: '外链名单' }).waitFor();
    await province.getByLabel('网站域名').fill('https://www.gov.cn/zhengce/');
    await province.getByLabel('说明').fill('中国政府网');
    await province.getByRole('button', { name: '添加' }).click();
    // Kept as its host, whatever address was typed, and the notice says so.
    await province.getByText('已添加 www.gov.cn', { exact: true }).waitFor();
    await province.getByRole('gridcell', { name: 'www.gov.cn', exact: true }).waitFor();
    await province.getByLabel('网站域名').fill('casino.example.com');
    await province.getByRole('combobox', { name: '名单' }).click();
    await province.getByRole('option', { name: '禁止链接' }).click();
    await province.getByRole('button', { name: '添加' }).click();
    await province.getByRole('gridcell', { name: 'casino.example.com', exact: true }).waitFor();
    await province
      .getByText('允许链接的网站 1 个，禁止链接的网站 1 个', { exact: false })
      .waitFor();
    await screenshot(province, 'link-hosts');
    await province.close();

    const linking = await linkToAMissingFile();
    const page = await login('ankang-hanbin.editor@demo.example');
    await page.goto(inspectionUrl());
    await page.getByRole('heading', { name: '内容巡检' }).waitFor();
    await page.getByText('尚未巡检').waitFor();
    await page.getByRole('button', { name: '立即巡检汉滨区' }).click();
    await page.getByText('上次巡检', { exact: false }).waitFor({ timeout: 120_000 });
    const rows = page.locator('tbody tr');
    await rows.first().getByText('错敏词').waitFor();
    await rows.first().getByText('“以人为本”').waitFor();
    expect(await page.getByText('西安市', { exact: true }).count()).toBe(0);
    await screenshot(page, 'inspection-site');

    // 链接不可用: the link to a file nobody uploaded is broken at the first look.
    await page.getByText(/检查链接 \d+ 个，其中不可用 1 个/).waitFor();
    await page.getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: '链接不可用' }).click();
    const broken = rows.filter({ hasText: linking });
    await broken.getByText('链接不可用').waitFor();
    await broken.getByText('“低保申请表”', { exact: false }).first().waitFor();
    await broken.getByText('文件不存在', { exact: false }).waitFor();
    await screenshot(page, 'inspection-broken-link');
    await page.goto(inspectionUrl());
    await rows.first().getByText('“以人为本”').waitFor();

    // 误报, with the reason.
    await rows.first().getByRole('button', { name: '误报' }).click();
    await page.getByLabel('误报理由').fill('这是规范的工作表述，不是问题');
    await screenshot(page, 'inspection-dismiss');
    await page.getByRole('dialog').getByRole('button', { name: '误报' }).click();
    await page.getByText('已将“以人为本”判为误报').waitFor();
    await page.getByRole('tab', { name: '已判误报 (1)' }).click();
    await page.getByText('判为误报：这是规范的工作表述，不是问题').waitFor();
    await screenshot(page, 'inspection-dismissed');

    // 撤稿: the article of an open finding goes offline, with the reason.
    await page.getByRole('tab', { name: /^待处理 \(\d+\)$/ }).click();
    const open = Number(
      /\((\d+)\)/.exec((await page.getByRole('tab', { name: /^待处理/ }).textContent()) ?? '')![1]
    );
    const title = (await rows.first().getByRole('link').first().textContent())!;
    await rows.first().getByRole('button', { name: '撤稿' }).click();
    await page.getByRole('dialog').getByText(`撤下《${title}》`).waitFor();
    await page.getByLabel('撤稿理由').fill('含有禁用表述，撤下修改后重新送审');
    await page.waitForTimeout(500); // the dialog's fade-in, for the picture
    await screenshot(page, 'inspection-unpublish');
    await page.getByRole('dialog').getByRole('button', { name: '撤稿' }).click();
    await page.getByText(`已撤下《${title}》`).waitFor();
    // What was found in it is no longer open: fewer to handle.
    await page
      .getByRole('tab', { name: /^待处理 \(\d+\)$/ })
      .filter({ hasNotText: `(${open})` })
      .waitFor();
    expect(await rows.getByRole('link', { name: title, exact: true }).count()).toBe(0);
    await page.close();
  });

  it('shows the province every site’s open findings', async () => {
    const page = await login('province.admin@demo.example');
    await page.goto(inspectionUrl());
    await page.getByRole('heading', { name: '内容巡检' }).waitFor();
    await page.getByRole('link', { name: '汉滨区' }).first().waitFor();
    await screenshot(page, 'inspection-province');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(
      /^内容巡检-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/
    );
    await page.getByText('已导出').waitFor();

    // 站群监测: the open forbidden findings trip 汉滨区's rule, and the alert names what was found.
    await page.goto(`${server.url}/admin/plugins/governance/oversight`);
    const heads = page.locator('thead');
    await heads.getByText('严重表述错误', { exact: true }).waitFor();
    await heads.getByText('泄露个人信息', { exact: true }).waitFor();
    const hanbin = page.getByTestId('oversight-row-ankang-hanbin');
    await hanbin.getByTestId('verdict-seriousWording-tripped').waitFor();
    await hanbin.getByTestId('verdict-personalData-ok').waitFor();
    // Its link that does not open, as a figure.
    expect(await hanbin.locator('td').last().textContent()).toBe('1');
    await screenshot(page, 'inspection-oversight');
    // The latest alerts, below the table, name what the inspection found.
    await page.getByText('“以人为本”（禁用词）', { exact: false }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'inspection-oversight-alerts');
    await page.close();
  });
});
