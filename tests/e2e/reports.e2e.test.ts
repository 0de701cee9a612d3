/**
 * Office-ready reports in the browser, on the demo with its dates moved to now: the province
 * exports each statistics page to Excel under a Chinese name, downloads the 年度通报 and the
 * 监测通报 as Word documents after entering the 发文机关 and 文号, and urges (催办) a failing
 * site, whose page then shows who urged it and when.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let province: Page;

const admin = (path: string) => `${server.url}/admin/plugins/governance/${path}`;

beforeAll(async () => {
  server = await startDemoServer('e2e-reports');
  browser = await launchBrowser();
  province = await loginAs(browser, server, 'province.admin@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks the button and answers the name the browser saves the file under. */
const downloaded = async (page: Page, button: string) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return download.suggestedFilename();
};

describe.each([
  ['', 'reports-overview', /^\d{4}年站群概览\.xlsx$/],
  ['messages/statistics', 'reports-message-statistics', /^\d{4}年留言统计\.xlsx$/],
  ['oversight', 'reports-oversight', /^站群监测-\d{4}年\d+月\d+日\.xlsx$/],
  ['sites', 'reports-sites', /^站点与人员-\d{4}年\d+月\d+日\.xlsx$/],
  ['accounts', 'reports-accounts', /^账号安全（全部）-\d{4}年\d+月\d+日\.xlsx$/],
  ['audit', 'reports-audit', /^操作日志-\d{4}年\d+月\d+日\.xlsx$/],
])('the page at /%s', (path, shot, name) => {
  it('exports its figures to Excel under a Chinese name', async () => {
    await province.goto(admin(path));
    await province.getByRole('button', { name: '导出 Excel' }).waitFor();
    await screenshot(province, shot);
    expect(await downloaded(province, '导出 Excel')).toMatch(name);
  });
});

it('downloads the 年度通报 as a Word document after the 发文机关 and 文号 are entered', async () => {
  await province.goto(admin('rankings/notice?year=2014'));
  await province.getByRole('button', { name: '导出 Word' }).click();
  const dialog = province.getByRole('dialog');
  await dialog.getByLabel('发文机关').fill('陕西省民政厅办公室');
  await dialog.getByLabel('发文字号').fill('陕民办发[2014]12号');
  await expect(dialog.getByText('格式应为 机关代字〔四位年份〕序号号').count()).resolves.toBe(1);
  expect(await dialog.getByRole('button', { name: '下载 Word 文档' }).isDisabled()).toBe(true);
  await dialog.getByLabel('发文字号').fill('陕民办发〔2014〕12号');
  await screenshot(province, 'reports-annual-notice-word');
  expect(await downloaded(province, '下载 Word 文档')).toBe('2014年内容维护情况通报.docx');
});

it('downloads the 监测通报 of the last quarter as a Word document, named by its quarter', async () => {
  await province.goto(admin('oversight/notices'));
  await province.getByTestId('inspection-notice-draft').waitFor();
  await province.getByRole('button', { name: '导出 Word' }).click();
  // The office and number entered last time are kept in this browser.
  const dialog = province.getByRole('dialog');
  expect(await dialog.getByLabel('发文机关').inputValue()).toBe('陕西省民政厅办公室');
  await screenshot(province, 'reports-inspection-notice-word');
  expect(await downloaded(province, '下载 Word 文档')).toMatch(
    /^\d{4}年第[一二三四]季度陕西民政网站群监测情况通报\.docx$/
  );
});

it('urges a failing site once a day, and its page shows who urged it and when', async () => {
  await province.goto(admin('oversight'));
  await province
    .getByTestId('oversight-row-ankang-ziyang')
    .getByRole('link', { name: '紫阳县' })
    .click();
  await province.getByRole('button', { name: '催办' }).click();
  const dialog = province.getByRole('dialog');
  await dialog.getByRole('textbox').fill('请于本周内答复超期留言并更新首页。');
  await screenshot(province, 'reports-urge-dialog');
  await dialog.getByRole('button', { name: '发送催办' }).click();
  const history = province.getByTestId('oversight-site-urges');
  await history.getByText('请于本周内答复超期留言并更新首页。').waitFor();
  await history.scrollIntoViewIfNeeded();
  await screenshot(province, 'reports-urge-recorded');
  // A second urge the same day is refused, with who urged first.
  await province.getByRole('button', { name: '催办' }).click();
  await province.getByRole('dialog').getByRole('button', { name: '发送催办' }).click();
  await province.getByText(/今天已由.*催办过该站点/).waitFor();
});
