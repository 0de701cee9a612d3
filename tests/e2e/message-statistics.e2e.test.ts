/**
 * 留言统计 in the browser: the provincial admin reads the 2014 figures of the demo (2,242 replied
 * messages), draws a spot-check sample, marks one reply 不合格, and the statistics count it.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const totals = () => page.getByTestId('statistics-totals');

beforeAll(async () => {
  server = await startDemoServer('e2e-message-statistics');
  browser = await launchBrowser();
  page = await loginAs(browser, server, 'province.admin@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("shows a year's figures by level and site, and counts a substandard spot check", async () => {
  await page.goto(`${server.url}/admin/plugins/governance`);
  await page.getByRole('link', { name: '留言统计' }).click();
  await page.getByRole('heading', { name: '留言统计' }).waitFor();

  await page.getByRole('combobox', { name: '年份' }).click();
  await page.getByRole('option', { name: '2014年' }).click();
  await page.getByText(/^2014年全站群网民留言办理情况/).waitFor();
  await totals().getByText('2,242').first().waitFor();
  for (const level of ['portal', 'city', 'department', 'county'])
    await page.getByTestId(`statistics-level-${level}`).waitFor();
  await page
    .getByTestId('statistics-level-city')
    .getByRole('row', { name: /^西安市/ })
    .waitFor();
  await page
    .getByTestId('statistics-level-city')
    .getByRole('row', { name: /设区市级合计/ })
    .waitFor();
  // 满意 / 基本满意 / 不满意 add up to the ratings given; the on-time rate states what it divides by.
  const ratings = await totals()
    .getByText(/^满意率（评价/)
    .locator('xpath=..')
    .innerText();
  const n = (text: string) => Number(text.replace(/,/g, ''));
  const rated = ratings.match(/满意率（评价 ([\d,]+) 条）/);
  const grades = ratings.match(/满意 ([\d,]+) · 基本满意 ([\d,]+) · 不满意 ([\d,]+)/);
  expect(rated).not.toBeNull();
  expect(grades).not.toBeNull();
  expect(n(grades![1]) + n(grades![2]) + n(grades![3])).toBe(n(rated![1]));
  expect(ratings).toContain(`${((100 * n(grades![1])) / n(rated![1])).toFixed(1)}%`);
  await totals().getByText('按期答复 ÷（已答复 + 超期未答复）').waitFor();
  // Each site is judged by its own deadline; the citizen's first deadline is a figure of its own.
  await totals().getByText('全组按首次期限按期率').waitFor();
  await totals().getByText('按留言人被告知的首次期限，按期答复').waitFor();
  await page.getByText(/按期率 = 按期答复 ÷（已答复 \+ 超期未答复）/).waitFor();
  // The running server answers the icon every admin page asks for (it answered 500 before).
  for (const icon of ['/favicon.ico', '/favicon.png']) {
    const res = await page.request.get(`${server.url}${icon}`);
    expect([icon, res.status(), res.headers()['content-type']?.startsWith('image/')]).toEqual([
      icon,
      200,
      true,
    ]);
  }
  // Transfers are traced per site: 转出 / 退回 / 超期持有, and the rule that counts them.
  await page.getByTestId('statistics-level-city').getByText('转出/退回/超期持有').waitFor();
  await page
    .getByTestId('statistics-holdings-rule')
    .getByText(/^转办口径：/)
    .waitFor();
  await screenshot(page, 'statistics');
  await page.getByTestId('statistics-level-city').scrollIntoViewIfNeeded();
  await screenshot(page, 'statistics-levels');
  await page.getByTestId('statistics-level-department').scrollIntoViewIfNeeded();
  await screenshot(page, 'statistics-departments');

  const panel = page.getByTestId('spot-check-panel');
  await panel.getByRole('button', { name: '抽取样本' }).click();
  const rows = panel.getByRole('row');
  await rows.nth(10).waitFor(); // a header and 10 sampled messages
  await screenshot(page, 'statistics-sample');

  const first = rows.nth(1);
  const subject = await first.getByRole('button').innerText();
  const site = await first.locator('td').nth(1).innerText();
  await first.getByRole('button').click();
  await page.getByTestId('message-case').waitFor();
  await page.waitForTimeout(400); // the dialog fades in
  await page.getByRole('textbox', { name: '抽查意见' }).fill('答复未针对所问事项，未注明办理依据');
  await page.getByRole('button', { name: '不合格', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'statistics-spot-check-form');
  await page.getByRole('button', { name: '不合格', exact: true }).click();
  await page
    .getByTestId('spot-check')
    .getByText(/抽查：不合格（王建国/)
    .waitFor();
  await screenshot(page, 'statistics-spot-check');
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();

  await panel.getByRole('row').filter({ hasText: subject }).getByText('不合格').waitFor();
  await totals().getByText('其中不合格 1 条').waitFor();
  const siteRow = page
    .locator('[data-testid^="statistics-level-"] tr')
    .filter({ has: page.locator('td').first().getByText(site, { exact: true }) });
  // spot-checked / substandard, before the holdings column (转出/退回/超期持有)
  expect(await siteRow.locator('td').nth(-2).innerText()).toBe('1 / 1');
  await screenshot(page, 'statistics-after-spot-check');
});
