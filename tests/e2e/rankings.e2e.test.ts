/**
 * 发布排名 and 年度通报 in the browser, on the demo's real 2014 figures (陕民办发〔2015〕2号):
 * the provincial admin reads the ranking, exports it to Excel, reads the draft notice, freezes
 * the ranking and reads the final notice; a city editor sees no place until the province opens
 * places, then sees their own site's.
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import knex from 'knex';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  loginAs,
  screenshot,
  screenshotDir,
  tallScreenshot,
} from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';
import { appDir } from '../helpers/strapi';

let server: RunningServer;
let browser: Browser;
let province: Page;

const NOTICE_TITLE = '关于2014年陕西民政网站群内容维护情况的通报';

/** Scrolls the admin's content so that `testId` starts just below the sticky page header. */
const scrollToTop = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    let scroller = element.parentElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight)
      scroller = scroller.parentElement;
    (scroller ?? element.ownerDocument.documentElement).scrollBy(0, -80);
  });

/** Withdraws (unpublishes) one of a site's 2014 articles, not a special topic, through the admin API, as an editor's correction would. */
const withdrawOneArticle = async (site: string) => {
  const login = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'province.admin@demo.example', password: server.password }),
  });
  const { data } = (await login.json()) as { data: { token: string } };
  const query = `filters[site][code][$eq]=${site}&filters[isSpecialTopic][$eq]=false&filters[firstPublishedAt][$lt]=2015-01-01T00:00:00%2B08:00&filters[firstPublishedAt][$gte]=2014-01-01T00:00:00%2B08:00&pagination[pageSize]=1`;
  const found = (await (await fetch(`${server.url}/api/articles?${query}`)).json()) as {
    data: Array<{ documentId: string }>;
  };
  const response = await fetch(
    `${server.url}/content-manager/collection-types/api::article.article/${found.data[0].documentId}/actions/unpublish`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    }
  );
  expect(response.status).toBe(200);
};

/** A ranking row's cells as the reader sees them: rank, site, articles, … */
const cells = async (page: Page, testId: string) =>
  page.getByTestId(testId).locator('td').allInnerTexts();

beforeAll(async () => {
  server = await startDemoServer('e2e-rankings');
  browser = await launchBrowser();
  province = await loginAs(browser, server, 'province.admin@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the provincial admin', () => {
  it('opens the ranking on the last complete year with publications, 2014', async () => {
    await province.goto(`${server.url}/admin/plugins/governance`);
    await province.getByRole('link', { name: '发布排名', exact: true }).click();
    await province.getByRole('heading', { name: '发布排名', exact: true }).waitFor();
    await province.getByText(/^陕西民政网站群 · 2014年/).waitFor();

    const portal = await cells(province, 'ranking-row-portal');
    expect(portal.slice(0, 3)).toEqual(['1', '陕西民政网', '8,861']);

    // The city level, in rank order.
    const cityRows = province.getByTestId('ranking-level-city').locator('tbody tr');
    expect((await cityRows.nth(0).locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      '1',
      '汉中市',
      '1,375',
    ]);
    expect((await cityRows.nth(1).locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      '2',
      '西安市',
      '1,289',
    ]);
    for (const level of ['portal', 'city', 'department', 'county'])
      await province.getByTestId(`ranking-level-${level}`).waitFor();
    // A bar per site in the city chart.
    await province
      .getByTestId('ranking-chart-city')
      .locator('.recharts-bar-rectangle')
      .first()
      .waitFor();
    expect(
      await province.getByTestId('ranking-chart-city').locator('.recharts-bar-rectangle').count()
    ).toBe(await cityRows.count());

    await tallScreenshot(province, 'rankings-panel', 2600);
    await scrollToTop(province, 'ranking-level-county');
    await screenshot(province, 'rankings-panel-county');
  });

  it('exports the live ranking as a real Excel workbook', async () => {
    const [download] = await Promise.all([
      province.waitForEvent('download'),
      province.getByRole('button', { name: '导出 Excel', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2014年发布排名.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Site, articles, rank: numbers as numbers, so that Excel can sum and sort them.
    const row = (name: string) => rows.find((values) => values[0] === name)?.slice(0, 3);
    expect(row('汉中市')).toEqual(['汉中市', 1375, 1]);
    expect(row('西安市')).toEqual(['西安市', 1289, 2]);
    expect(row('陕西民政网')).toEqual(['陕西民政网', 8861, 1]);
  });

  it('reads the notice as a draft before the ranking is frozen', async () => {
    await province.getByRole('link', { name: '年度通报' }).first().click();
    const notice = province.getByTestId('annual-notice');
    await notice.getByRole('heading', { name: NOTICE_TITLE }).waitFor();
    await notice.getByText('草稿：本年度排名尚未冻结，数字可能变化').waitFor();
    await screenshot(province, 'rankings-notice-draft');
  });

  it('freezes the ranking, with a note', async () => {
    await province.getByRole('link', { name: '返回发布排名' }).click();
    await province.getByTestId('ranking-snapshot').getByText('2014年排名尚未冻结').waitFor();
    await province.getByRole('button', { name: '冻结排名' }).click();
    const dialog = province.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '备注（可选）' }).fill('据各站点核对结果');
    await province.waitForTimeout(400); // the dialog fades in
    await screenshot(province, 'rankings-freeze-dialog');
    await dialog.getByRole('button', { name: '冻结', exact: true }).click();
    await province
      .getByTestId('ranking-snapshot')
      .getByText(/^第1版 · 已于 .+ 由 王建国 冻结$/)
      .waitFor();
    await province.getByTestId('ranking-snapshot').getByText('备注：据各站点核对结果').waitFor();
    await province.getByRole('button', { name: '导出快照 Excel' }).waitFor();
    await province.getByRole('button', { name: '重新冻结' }).waitFor();
    // Nothing has changed since.
    expect(await province.getByTestId('ranking-changed').count()).toBe(0);
    await screenshot(province, 'rankings-frozen');
  });

  it('warns when a live figure moves away from the frozen one', async () => {
    await withdrawOneArticle('xian');
    await province.reload();
    const changed = province.getByTestId('ranking-changed');
    await changed.getByText('冻结后有 1 个网站的 1 项数字发生变化').waitFor();
    expect(
      await changed
        .getByRole('row', { name: /西安市/ })
        .locator('td')
        .allInnerTexts()
    ).toEqual(['西安市', '信息发布量', '1,289', '1,288', '−1']);
    // The live table has moved on.
    expect((await cells(province, 'ranking-row-xian')).slice(0, 3)).toEqual([
      '2',
      '西安市',
      '1,288',
    ]);
    await screenshot(province, 'rankings-changed');
  });

  it('freezes again only with a reason, as version 2, keeping version 1', async () => {
    await province.getByRole('button', { name: '重新冻结' }).click();
    const dialog = province.getByRole('dialog');
    await dialog.getByText(/原版本永久保留/).waitFor();
    // No reason, no new version.
    expect(await dialog.getByRole('button', { name: '冻结', exact: true }).isDisabled()).toBe(true);
    await dialog
      .getByRole('textbox', { name: '重新冻结理由（必填）' })
      .fill('西安市撤回一条重复信息，经核实按撤回后的数字通报');
    await province.waitForTimeout(400); // the dialog fades in
    await screenshot(province, 'rankings-refreeze-dialog');
    await dialog.getByRole('button', { name: '冻结', exact: true }).click();
    const snapshot = province.getByTestId('ranking-snapshot');
    await snapshot.getByText(/^第2版 · 已于 .+ 由 王建国 冻结$/).waitFor();
    await snapshot
      .getByText(
        '重新冻结理由：西安市撤回一条重复信息，经核实按撤回后的数字通报（与上一版相比 1 项数字不同）'
      )
      .waitFor();
    const versions = province.getByTestId('ranking-versions');
    await versions.getByText('冻结版本（共 2 版）').waitFor();
    expect(
      await versions.getByRole('row', { name: /第1版/ }).locator('td').allInnerTexts()
    ).toEqual(['第1版', expect.any(String), '王建国', '备注：据各站点核对结果', '—', '导出 Excel']);
    await versions
      .getByRole('row', { name: /第2版（通报使用）/ })
      .getByText('1 项数字不同')
      .waitFor();
    // The live figures match version 2 again.
    expect(await province.getByTestId('ranking-changed').count()).toBe(0);
    await scrollToTop(province, 'ranking-snapshot-panel');
    await screenshot(province, 'rankings-versions');
  });

  it('reads and prints the final notice', async () => {
    await province.getByRole('link', { name: '年度通报' }).first().click();
    const notice = province.getByTestId('annual-notice');
    await notice.getByRole('heading', { name: NOTICE_TITLE }).waitFor();
    await notice.getByText(/^数据来源：发布排名第2版，.+ 冻结（王建国）$/).waitFor();
    await notice
      .getByText(/发布信息/)
      .first()
      .waitFor();
    await notice.getByText('附件', { exact: true }).waitFor();
    expect(await province.getByTestId('annual-notice-draft').count()).toBe(0);
    await notice.getByRole('row', { name: /^汉中市 1375 1/ }).waitFor();
    // The figure of version 2, frozen after the withdrawal (version 1 said 1289).
    await notice.getByRole('row', { name: /^西安市 1288 2/ }).waitFor();
    await province.getByRole('heading', { name: '年度通报' }).scrollIntoViewIfNeeded();
    await tallScreenshot(province, 'rankings-notice', 2400);

    // What prints: the document only, on A4 pages, without the admin's menus or buttons.
    await province.emulateMedia({ media: 'print' });
    // The first page as wide as an A4 page's text (156 mm, 590 px): the lines break as on paper.
    const viewport = province.viewportSize()!;
    await province.setViewportSize({ width: 590, height: 940 });
    await province.screenshot({ path: path.join(screenshotDir, 'rankings-notice-print.png') });
    await province.setViewportSize(viewport);
    const pdf = await province.pdf({
      preferCSSPageSize: true,
      path: path.join(screenshotDir, 'rankings-notice.pdf'),
    });
    await province.emulateMedia({ media: 'screen' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3); // the notice, then the attachment's ~120 rows
    expect(fs.statSync(path.join(screenshotDir, 'rankings-notice.pdf')).size).toBeGreaterThan(
      10_000
    );
  });
});

describe('a city editor', () => {
  let editor: Page;

  beforeAll(async () => {
    editor = await loginAs(browser, server, 'xian.editor@demo.example');
  });

  const openOwnPlaces = async () => {
    // No year in the address: the server answers the last complete year with publications.
    await editor.goto(`${server.url}/admin/plugins/governance/rankings`);
    await editor.getByRole('heading', { name: '本站发布排名' }).waitFor();
  };

  it('sees no place while the province has not opened them', async () => {
    await editor.goto(`${server.url}/admin/plugins/governance`);
    await editor.getByRole('link', { name: '发布排名', exact: true }).click();
    await editor.getByRole('heading', { name: '本站发布排名' }).waitFor();
    await editor
      .getByTestId('own-places-closed')
      .getByText(/省厅尚未开放名次查看/)
      .waitFor();
    // No notice, no province-wide figures.
    expect(await editor.getByRole('link', { name: '年度通报' }).count()).toBe(0);
    await screenshot(editor, 'rankings-own-place-closed');
  });

  it("sees the own site's place once the province allows it", async () => {
    await province.goto(`${server.url}/admin/plugins/governance/rankings?year=2014`);
    const setting = province.getByRole('checkbox', { name: '允许各站点人员查看本站名次' });
    expect(await setting.isChecked()).toBe(false);
    await setting.click();
    await province.getByText('已允许各站点人员查看本站名次').first().waitFor();
    expect(await setting.isChecked()).toBe(true);

    await openOwnPlaces();
    const place = editor.getByTestId('own-place-xian');
    await place.getByRole('heading', { name: '西安市' }).waitFor();
    await place.getByText('第 2 名').waitFor();
    await place.getByText('2014年信息发布量：1,288 条').waitFor(); // live, after the withdrawal
    // Other sites' figures stay out of sight.
    expect(await editor.getByText('汉中市').count()).toBe(0);
    await screenshot(editor, 'rankings-own-place');
  });
});

describe('a day of inflated visits (issue 25)', () => {
  it('shows the visits counted at the threshold, the raw beside them, and the day listed', async () => {
    // 西安's 10 June 2014 as the anomaly check leaves a flood (judged in visits.int.test.ts):
    // 120,000 extra visits kept raw, the day counted at five times its baseline (a spike).
    const db = knex({
      client: 'better-sqlite3',
      connection: { filename: path.resolve(appDir, server.databaseEnv.DATABASE_FILENAME!) },
      useNullAsDefault: true,
    });
    const site = await db('sites').where({ code: 'xian' }).first('document_id');
    const day = await db('governance_site_visits')
      .where({ site_document_id: site.document_id, day: '2014-06-10' })
      .first('id', 'visits');
    const usual = Number(day.visits);
    await db('governance_site_visits')
      .where({ id: day.id })
      .update({
        visits: usual + 120_000,
        median: usual,
        flagged_above: usual * 5,
        anomaly: 'spike',
        judged_at: Date.now(),
      });
    // And the next day as a sustained rise leaves it: counted at three times the baseline.
    const next = await db('governance_site_visits')
      .where({ site_document_id: site.document_id, day: '2014-06-11' })
      .first('id', 'visits');
    await db('governance_site_visits')
      .where({ id: next.id })
      .update({
        visits: usual * 4,
        median: usual,
        flagged_above: usual * 3,
        anomaly: 'ramp',
        judged_at: Date.now(),
      });
    await db.destroy();

    // Written straight into the database, as another instance would: the server serves the
    // ranking it read for up to 10 seconds (figures/readings.ts), so the page is opened again
    // until it shows.
    const visits = province.getByTestId('ranking-visits-flagged-xian');
    for (const deadline = Date.now() + 30_000; ;) {
      await province.goto(`${server.url}/admin/plugins/governance/rankings?year=2014`);
      const shown = await visits
        .getByText('异常 2 天')
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (Date.now() > deadline) throw new Error('the flagged days never showed');
    }
    await visits.getByText(/^原始 [\d,]+$/).waitFor();
    const listed = province.getByTestId('ranking-visit-anomalies');
    await listed
      .getByText('1 个网站共 2 天的访问量远超本站此前的访问量基线', { exact: false })
      .waitFor();
    const row = await listed
      .getByTestId('visit-anomaly-xian-2014-06-10')
      .locator('td')
      .allInnerTexts();
    const format = (n: number) => n.toLocaleString('en-US');
    expect(row).toEqual([
      '西安市',
      '2014年6月10日',
      '单日激增',
      format(usual + 120_000),
      format(usual * 5),
      format(usual),
    ]);
    const ramp = await listed
      .getByTestId('visit-anomaly-xian-2014-06-11')
      .locator('td')
      .allInnerTexts();
    expect(ramp.slice(1, 4)).toEqual(['2014年6月11日', '持续异常增长', format(usual * 4)]);
    await scrollToTop(province, 'ranking-level-city');
    await screenshot(province, 'rankings-visits-flagged');
    await scrollToTop(province, 'ranking-visit-anomalies');
    await screenshot(province, 'rankings-visit-anomalies');
  });
});
