/**
 * 工作台: every demo account opens on its own home page, greeted by its whole name, with its
 * to-dos and no error card, no failed request and no console error; each count opens its list
 * already filtered.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../database/seeds/demo-accounts';
import { launchBrowser, NAVIGATION_ABORT, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

/** The panels each account's home page shows (data-testid `workbench-…`), by e-mail. */
const PANELS: Record<string, string[]> = {
  // The province, also Super Admin and the portal's 初审.
  'province.admin@demo.example': ['sites', 'group-messages', 'passwords', 'review'],
  'xian.editor@demo.example': ['articles', 'messages', 'own-oversight'],
  'ankang-hanbin.editor@demo.example': ['articles', 'messages', 'own-oversight'],
  'reviewer@demo.example': ['review'],
  'xian.leader@demo.example': ['review', 'own-oversight'],
  'approver@demo.example': ['review', 'own-oversight'],
  'portal.editor@demo.example': ['articles', 'messages', 'own-oversight'],
  'xian.handler@demo.example': ['messages'],
};
const ALL_PANELS = [...new Set(Object.values(PANELS).flat())];

/** A page that records every failed request and console error from its first request on. */
const watchedPage = async () => {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const problems: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400)
      problems.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !NAVIGATION_ABORT.test(message.text()))
      problems.push(`console: ${message.text().split('\n')[0]}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
};

/** Logs in and waits for the home page to settle: its greeting and every panel's figures. */
const logIn = async (page: Page, email: string) => {
  await page.goto(`${server.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(server.password);
  await page.locator('button[type="submit"]').click();
  await page.getByText(/^您好，/).waitFor({ timeout: 60_000 });
  for (const panel of PANELS[email]) await page.getByTestId(`workbench-${panel}`).waitFor();
  await page.waitForLoadState('networkidle');
};

/** The figure a to-do shows (data-testid `todo-…`). */
const countOf = async (page: Page, todo: string) =>
  Number(await page.getByTestId(`todo-${todo}-count`).textContent());

beforeAll(async () => {
  server = await startDemoServer('e2e-workbench');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(DEMO_ACCOUNTS.map((account) => [account.name, account]))(
  '%s',
  (_name, { name, email }) => {
    it('opens on the workbench: greeted by the whole name, its to-dos, nothing failing', async () => {
      const { page, problems } = await watchedPage();
      await logIn(page, email);
      // Own monitoring card: its sites' verdicts, once computed.
      if (PANELS[email].includes('own-oversight'))
        await page.getByTestId('oversight-widget').waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await screenshot(page, `workbench-${email.split('@')[0]}`);

      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        `您好，${name}`
      );
      // The avatar's initial is the family name's.
      expect(await page.locator('nav').getByText(name[0], { exact: true }).count()).toBe(1);
      for (const panel of ALL_PANELS)
        expect([panel, await page.getByTestId(`workbench-${panel}`).count()]).toEqual([
          panel,
          PANELS[email].includes(panel) ? 1 : 0,
        ]);
      // None of Strapi's home page: no error card, no developer widget, no widget to add.
      for (const text of ['出现错误', '无法加载', '添加小组件', '最近编辑', '项目统计', 'API'])
        expect([text, await page.getByText(text).count()]).toEqual([text, 0]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
);

describe('each count opens its list, already filtered', () => {
  it("张敏's articles sent back", async () => {
    const { page, problems } = await watchedPage();
    await logIn(page, 'ankang-hanbin.editor@demo.example');
    expect(await countOf(page, 'articles-rejected')).toBe(1);
    await page.getByRole('link', { name: '被退回，待修改后重新送审' }).click();
    await page.getByRole('heading', { name: '文章' }).waitFor();
    await page.getByText('汉滨区临时救助对象公示').waitFor();
    await page.waitForLoadState('networkidle');
    // The filter bar names the filter in Chinese, and the list holds the one article.
    await page.getByText('审核状态 等于 已退回').waitFor();
    await page.getByText(/找到\s*1\s*(个|条)/).waitFor();
    await screenshot(page, 'workbench-link-county-editor-rejected');
    // The Content Manager's own: names of types and fields it does not find translated, and
    // Strapi's question about its AI features (404 without them). What is checked here is that
    // the filtered list itself loads without a failed request.
    const strapiOwn = /MISSING_TRANSLATION|ai-feature-config|status of 404/;
    expect(problems.filter((p) => !strapiOwn.test(p))).toEqual([]);
    await page.close();
  });

  it("周丽's messages to sign for", async () => {
    const { page, problems } = await watchedPage();
    await logIn(page, 'xian.handler@demo.example');
    const toSign = await countOf(page, 'messages-toSign');
    await page.getByRole('link', { name: '待签收' }).click();
    await page.getByRole('heading', { name: '留言办理' }).waitFor();
    await expect(
      page.getByRole('tab', { name: `待签收 (${toSign})` }).getAttribute('aria-selected')
    ).resolves.toBe('true');
    expect(page.url()).toContain('tab=toSign');
    await screenshot(page, 'workbench-link-handler-to-sign');
    // Another tab moves the address along.
    await page.getByRole('tab', { name: /^已超期/ }).click();
    await page.waitForURL(/tab=overdue/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("陈静's review queue", async () => {
    const { page, problems } = await watchedPage();
    await logIn(page, 'reviewer@demo.example');
    const waiting = await countOf(page, 'review-toReview');
    await page.getByRole('link', { name: '等待我审核的文章' }).click();
    await page.getByRole('heading', { name: '待我审核' }).waitFor();
    await expect(
      page.getByRole('tab', { name: '待我审核' }).getAttribute('aria-selected')
    ).resolves.toBe('true');
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(waiting);
    await screenshot(page, 'workbench-link-reviewer-queue');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("王建国's accounts and sites", async () => {
    const { page, problems } = await watchedPage();
    await logIn(page, 'province.admin@demo.example');
    const expired = await countOf(page, 'group-passwords-expired');
    await page.getByRole('link', { name: '密码已过期的账号' }).click();
    await page.getByRole('heading', { name: '账号安全' }).waitFor();
    await expect(
      page.getByRole('tab', { name: `已过期 (${expired})` }).getAttribute('aria-selected')
    ).resolves.toBe('true');
    await screenshot(page, 'workbench-link-province-expired');

    // The extension requests waiting for the province: the desk's 待审批延期 tab.
    await page.goto(`${server.url}/admin`);
    const extensions = await countOf(page, 'group-messages-extensions');
    expect(extensions).toBeGreaterThan(0);
    await page.getByRole('link', { name: '延期申请，待我审批' }).click();
    await page.getByRole('heading', { name: '留言办理' }).waitFor();
    await expect(
      page.getByRole('tab', { name: `待审批延期 (${extensions})` }).getAttribute('aria-selected')
    ).resolves.toBe('true');
    expect(page.url()).toContain('tab=pendingExtension');
    await screenshot(page, 'workbench-link-province-extensions');

    // The daily check has not run on a freshly loaded demo (unless its hour, 09:00 北京时间,
    // came while this test ran): the page says when its figures were judged, and each opens
    // 站群监测 filtered by the status in the address.
    await page.goto(`${server.url}/admin`);
    const sites = page.getByTestId('workbench-sites');
    await sites.getByText(/每日监测尚未运行，以下为当前的判定|每日监测于 .+的判定/).waitFor();
    const tripped = await countOf(page, 'group-sites-tripped');
    await sites.getByRole('link', { name: '已触发单项否决的站点' }).click();
    await page.getByRole('heading', { name: '站群监测' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('oversight-sites').waitFor();
    await expect(page.getByRole('combobox', { name: '全部状态' }).textContent()).resolves.toContain(
      '否决'
    );
    expect(await page.getByTestId('oversight-sites').locator('tbody tr').count()).toBe(tripped);
    await screenshot(page, 'workbench-link-province-oversight-tripped');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the profile page', () => {
  it('holds the whole name in 姓名, the family name field left empty', async () => {
    const { page, problems } = await watchedPage();
    await logIn(page, 'province.admin@demo.example');
    await page.goto(`${server.url}/admin/me`);
    await page.getByRole('heading', { name: '王建国' }).waitFor();
    await expect(page.getByRole('textbox', { name: '姓名' }).inputValue()).resolves.toBe('王建国');
    await expect(page.getByRole('textbox', { name: /^姓氏/ }).inputValue()).resolves.toBe('');
    await screenshot(page, 'workbench-profile-province');
    expect(problems).toEqual([]);
    await page.close();
  });
});
