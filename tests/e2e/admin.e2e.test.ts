/**
 * The provincial admin's first visit: the login page names the group, the admin speaks Chinese,
 * and the governance plugin's overview shows the 2014 figures of the demo group.
 */
import { parse } from 'csv-parse/sync';
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

const appDir = path.join(__dirname, '..', '..');
const csv = parse(fs.readFileSync(path.join(appDir, 'database/seeds/data/sites.csv'), 'utf8'), {
  columns: true,
}) as Array<{ articles_2014: string }>;
const total2014 = csv.reduce((sum, r) => sum + Number(r.articles_2014), 0);

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer('e2e-admin');
  browser = await launchBrowser();
  page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin for a provincial admin', () => {
  it('shows a login page that names the website group, in Chinese', async () => {
    await page.goto(`${server.url}/admin/auth/login`);
    await page.getByText('欢迎使用陕西民政网站群管理系统').waitFor();
    await screenshot(page, 'login');
    expect(await page.title()).toContain('陕西民政网站群管理系统');
  });

  it('logs in with the printed demo account', async () => {
    await page.locator('input[name="email"]').fill('province.admin@demo.example');
    await page.locator('input[name="password"]').fill(server.password);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('link', { name: '站群管理' }).waitFor({ timeout: 30_000 });
    await page.getByText('您好，王建国').waitFor();
    await page.waitForLoadState('networkidle');
    // No announcements of Strapi's own features in a government office's admin.
    expect(await page.getByText('Introducing the new Media Library').count()).toBe(0);
    await screenshot(page, 'home');
  });

  it('opens the overview on the living year and shows the 2014 figures of the group', async () => {
    await page.getByRole('link', { name: '站群管理' }).click();
    await page.getByRole('heading', { name: '站群概览' }).waitFor();
    await page.getByText('全站群合计').waitFor();
    // The demo keeps publishing up to yesterday, so the overview opens on the current year.
    const thisYear = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
        new Date(Date.now() - 86_400_000)
      )
    );
    await page.getByText(`陕西民政网站群 · ${thisYear}年`).waitFor();
    await page.getByRole('combobox', { name: '年份' }).click();
    await page.getByRole('option', { name: '2014年' }).click();
    await page.getByText('陕西民政网站群 · 2014年').waitFor();
    const totalRow = page.getByRole('row', { name: /全站群合计/ });
    await expect(totalRow.textContent()).resolves.toContain(total2014.toLocaleString('en'));
    // 专题: the notice's 427.
    expect(await totalRow.locator('td').nth(3).innerText()).toBe('427');
    await screenshot(page, 'overview-2014');
  });

  it('switches the year to 2013', async () => {
    await page.getByRole('combobox', { name: '年份' }).click();
    await page.getByRole('option', { name: '2013年' }).click();
    await page.getByText('陕西民政网站群 · 2013年').waitFor();
    const totalRow = page.getByRole('row', { name: /全站群合计/ });
    await expect(totalRow.textContent()).resolves.not.toContain(total2014.toLocaleString('en'));
    // 专题 in 2013 too (each site's 2014 share), not 0.
    expect(await totalRow.locator('td').nth(3).innerText()).toBe('348');
    await screenshot(page, 'overview-2013');
  });
});
