/** Debian's Chromium through playwright-core: browser downloads do not work on these machines. */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Leaving a page cancels its requests in flight: a test's own doing, not the page's. */
export const NAVIGATION_ABORT = /^AbortError: signal is aborted without reason/;

export const screenshotDir = path.join(__dirname, '..', 'e2e', 'screenshots');

export const launchBrowser = (): Promise<Browser> => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk).`
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these, Chromium keeps trying to reach Google's hosts on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/** A full-page screenshot into the git-ignored tests/e2e/screenshots/ folder. */
export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/**
 * A screenshot of more than the window: the admin scrolls inside its layout, not the page, so a
 * full-page screenshot is one window high. A taller window for the moment shows the rest.
 */
export const tallScreenshot = async (page: Page, name: string, height: number) => {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height });
  await page.waitForTimeout(300); // charts and panels measure their container again
  await screenshot(page, name);
  await page.setViewportSize(viewport);
};

/**
 * A new page logged in to the admin as `email`, as a person in Xi'an sees it (Chinese, Shanghai
 * time; `timezoneId` for a computer set to another zone), once the home page greets them.
 */
export const loginAs = async (
  browser: Browser,
  server: { url: string; password: string },
  email: string,
  { timezoneId = 'Asia/Shanghai' }: { timezoneId?: string } = {}
): Promise<Page> => {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId,
  });
  await page.goto(`${server.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(server.password);
  await page.locator('button[type="submit"]').click();
  await page.getByText(/您好/).waitFor({ timeout: 30_000 });
  return page;
};

/**
 * 通过 in an article's review panel, as a reviewer does it: every item of the checklist ticked,
 * the comment if given, a screenshot of the dialog if named; waits until the step is recorded.
 */
export const approveInPanel = async (
  page: Page,
  { comment, screenshotName }: { comment?: string; screenshotName?: string } = {}
) => {
  await page.getByTestId('review-panel').getByRole('button', { name: '通过' }).click();
  const dialog = page.getByRole('dialog');
  for (const item of [/国家秘密/, /个人信息/, /错敏词/])
    await dialog.getByRole('checkbox', { name: item }).click();
  if (comment) await dialog.getByRole('textbox').fill(comment);
  if (screenshotName) await screenshot(page, screenshotName);
  await dialog.getByRole('button', { name: '确认通过' }).click();
  await page.getByText('已审核通过本步骤').first().waitFor();
};
