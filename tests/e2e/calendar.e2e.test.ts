/**
 * 节假日安排 in the browser: the provincial admin opens the calendar page, is warned that 2027 is
 * not entered (the software knows holidays up to 2026), pastes the State Council's notice, checks
 * what was read and saves; the year then shows as entered, with its holidays and 调休 days.
 */
import type { Browser, Page } from 'playwright-core';
import { NOTICE_2027 } from '../helpers/holidays-2027';
import { launchBrowser, loginAs, tallScreenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer('e2e-calendar');
  browser = await launchBrowser();
  page = await loginAs(browser, server, 'province.admin@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('enters 2027 from the pasted notice', async () => {
  await page.goto(`${server.url}/admin/plugins/governance`);
  await page.getByRole('link', { name: '节假日安排' }).click();
  await page.getByRole('heading', { name: '节假日安排', level: 1 }).waitFor();
  const row2027 = page.getByRole('row').filter({ hasText: '2027 年' });
  await row2027.getByText('尚未录入').waitFor();
  // The software's own years read as the notice does.
  await page.getByRole('row').filter({ hasText: '2026 年' }).click();
  await page
    .getByTestId('calendar-year')
    .getByText('2026年2月15日（星期日）至2026年2月23日（星期一）')
    .waitFor();
  await page
    .getByTestId('calendar-year')
    .getByText('2026年2月14日（星期六）、2026年2月28日（星期六）')
    .waitFor();
  await tallScreenshot(page, 'calendar', 1400);

  await row2027.getByRole('button', { name: '录入' }).click();
  const editor = page.getByTestId('calendar-editor');
  await editor.getByRole('textbox', { name: '通知正文' }).fill(NOTICE_2027);
  await editor.getByRole('textbox', { name: /文号/ }).fill('国办发明电〔2026〕7号（测试）');
  await editor.getByRole('button', { name: '识别' }).click();
  const preview = page.getByTestId('calendar-preview');
  await preview.getByText('识别结果：2027 年共 7 个节日，请逐项核对').waitFor();
  await preview.getByText('2027年2月5日（星期五）至2027年2月13日（星期六）').waitFor();
  await preview.getByText('2027年2月20日（星期六）').waitFor();
  await tallScreenshot(page, 'calendar-preview', 1800);

  await editor.getByRole('button', { name: '保存' }).click();
  const year = page.getByTestId('calendar-year');
  await year.getByText('省厅录入').waitFor();
  await year.getByText('依据：国办发明电〔2026〕7号（测试）').waitFor();
  await page
    .getByTestId('calendar-recalculation')
    .getByText(/已按本年安排核对|无需重新计算/)
    .waitFor();
  await row2027.getByText('省厅录入').waitFor();
  await tallScreenshot(page, 'calendar-2027', 1400);
});
