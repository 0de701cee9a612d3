/**
 * 留言办理 as a desk in the browser: the inbox pages through every message; its filters live in
 * the address (a link opens ?tab=overdue); 剩余工作日 and 超期天数 columns; 批量签收 of two new
 * messages, the menu badge counting down; the case as its own page with the 公开 choice and
 * 答复单位 offered from the site; the printable 办理单 with the citizen's name masked.
 */
import type { Browser, Page } from 'playwright-core';
import { postCitizenMessage } from '../helpers/citizen-form';
import { launchBrowser, loginAs, screenshot, tallScreenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const INBOX = '/admin/plugins/governance/messages';

const submit = (subject: string) =>
  postCitizenMessage(server.url, {
    subject,
    body: `${subject}：请问需要准备哪些材料，到哪里办理？`,
    name: '李秀兰',
    phone: '13800001234',
  });

/** The number a tab's label carries, e.g. 已答复 (37). */
/** A tab's count, once it has arrived (the tab shows before its count, on a busy machine long before). */
const tabCount = async (name: string) => {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}.*\\(\\d+\\)`) });
  await tab.waitFor();
  const label = await tab.innerText();
  return Number(/\((\d+)\)/.exec(label)?.[1] ?? NaN);
};

/** The menu badge beside 留言办理. */
const badge = async () => {
  const link = page.getByRole('link', { name: /^留言办理/ }).first();
  const text = (await link.innerText()).replace('留言办理', '').trim();
  return Number(text || 0);
};

beforeAll(async () => {
  server = await startDemoServer('e2e-desk');
  browser = await launchBrowser();
  page = await loginAs(browser, server, 'xian.handler@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('pages through every message of a tab, to the last row', async () => {
  await page.goto(`${server.url}${INBOX}?tab=replied`);
  await page.getByRole('heading', { name: '留言办理' }).waitFor();
  await page.getByRole('tab', { name: /^已答复/, selected: true }).waitFor();
  const total = await tabCount('已答复');
  expect(total).toBeGreaterThan(20);
  const lastPage = Math.ceil(total / 20);
  const rows = page.locator('tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(20);
  const firstPage = await rows.first().innerText();
  await screenshot(page, 'desk-inbox-page-1');

  await page.goto(`${server.url}${INBOX}?tab=replied&page=${lastPage}`);
  await page.getByRole('tab', { name: /^已答复/, selected: true }).waitFor();
  await rows.first().waitFor();
  expect(await rows.count()).toBe(total - (lastPage - 1) * 20);
  expect(await rows.first().innerText()).not.toBe(firstPage);
  await page.getByRole('navigation', { name: /分页|pagination/i }).waitFor();
  await screenshot(page, 'desk-inbox-last-page');
});

it('opens a filtered list from its address, and keeps each filter in the address', async () => {
  await page.goto(`${server.url}${INBOX}?tab=overdue`);
  await page.getByRole('tab', { name: /^已超期/, selected: true }).waitFor();
  await page.waitForLoadState('networkidle');
  // An overdue row says by how many working days; one in time says how many are left.
  if ((await tabCount('已超期')) > 0) {
    await page
      .locator('tbody tr')
      .first()
      .getByText(/^\d+ 个工作日$/)
      .first()
      .waitFor();
  }
  await screenshot(page, 'desk-inbox-overdue');

  await page.getByRole('tab', { name: /^办理中/ }).click();
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '投诉' }).click();
  await page.waitForURL(/category=complaint/);
  expect(page.url()).toContain('tab=inProgress');
  // The days received, as a link carries them; the pickers show them as Chinese dates.
  await page.goto(`${page.url()}&from=2014-01-01&to=2030-12-31`);
  await page.getByRole('tab', { name: /^办理中/, selected: true }).waitFor();
  expect(await page.getByLabel('收到时间（起）').inputValue()).toMatch(/^2014\/0?1\/0?1$/);
  expect(await page.getByLabel('收到时间（止）').inputValue()).toMatch(/^2030\/12\/31$/);
  await page.waitForLoadState('networkidle');
  for (const cell of await page.locator('tbody tr td:nth-child(4)').allInnerTexts())
    expect(cell).toBe('投诉');
  await screenshot(page, 'desk-inbox-filtered');
});

it('signs two new messages at once, and the menu badge counts them down', async () => {
  const first = await submit('批量签收测试一：居住证办理');
  const second = await submit('批量签收测试二：婚姻登记预约');
  await page.goto(`${server.url}${INBOX}?tab=toSign`);
  await page.getByRole('link', { name: '批量签收测试一：居住证办理' }).waitFor();
  await page.waitForLoadState('networkidle');
  const before = await badge();
  expect(before).toBeGreaterThanOrEqual(2);
  await page.getByRole('checkbox', { name: '选择“批量签收测试一：居住证办理”' }).click();
  await page.getByRole('checkbox', { name: '选择“批量签收测试二：婚姻登记预约”' }).click();
  await page.getByRole('button', { name: '批量签收（2）' }).waitFor();
  await screenshot(page, 'desk-bulk-selected');
  await page.getByRole('button', { name: '批量签收（2）' }).click();
  await page.getByTestId('bulk-result').getByText('已签收 2 条，未签收 0 条').waitFor();
  await page
    .getByRole('link', { name: '批量签收测试一：居住证办理' })
    .waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
  // The badge asks again once the messages change.
  for (let tries = 0; tries < 50 && (await badge()) !== before - 2; tries++)
    await page.waitForTimeout(200);
  expect(await badge()).toBe(before - 2);
  await screenshot(page, 'desk-bulk-signed');
  expect([first.caseNumber, second.caseNumber]).toHaveLength(2);
});

it('opens the case as a page with 公开 and the site as replying unit, and prints the 办理单', async () => {
  const subject = '办理单打印测试：高龄津贴';
  const { caseNumber, queryCode } = await submit(subject);
  await page.goto(`${server.url}${INBOX}?tab=toSign`);
  await page.getByRole('link', { name: subject }).click();
  await page.waitForURL(/\/plugins\/governance\/messages\/\d+$/);
  await page.getByRole('heading', { name: subject }).waitFor();
  await page.getByText(`留言编号：${caseNumber}（西安市）`).waitFor();
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await page.getByText('已签收').first().waitFor();
  expect(await page.getByRole('textbox', { name: '答复单位' }).inputValue()).toBe('西安市');
  await page
    .getByRole('textbox', { name: '答复内容' })
    .fill(
      '您好，年满80周岁的本市户籍老人可持身份证和户口簿到户籍所在地街道办事处申请高龄津贴，审核通过后次月起按月发放。'
    );
  await page.getByRole('textbox', { name: '答复单位' }).fill('西安市民政局养老服务处');
  await page.getByRole('button', { name: '提交答复' }).click();
  await page.getByTestId('message-reply').waitFor();

  const choice = page.getByTestId('public-choice');
  await choice.getByRole('button', { name: '公开', exact: true }).click();
  await choice.getByText('当前：公开').waitFor();
  await page
    .getByTestId('message-timeline')
    .getByText(/设为公开/)
    .waitFor();
  await tallScreenshot(page, 'desk-case-page', 2000);
  expect(await page.content()).not.toContain(queryCode);

  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('case-sheet');
  await sheet.waitFor();
  await sheet.getByText('网民留言办理单').waitFor();
  await sheet.getByText('李**').waitFor();
  await sheet.getByText('西安市民政局养老服务处').waitFor();
  expect(await sheet.innerText()).not.toMatch(/李秀兰|13800001234/);
  await screenshot(page, 'desk-case-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: '返回留言办理' }).click();
  await page.waitForURL(/\/plugins\/governance\/messages\?tab=toSign$/);
});
