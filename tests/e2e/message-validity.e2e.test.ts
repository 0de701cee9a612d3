/**
 * 不予受理 waits for the province, in the browser (issue 25, point 3): 西安市's handler refuses a
 * message; the province sees it on 留言统计 (待省厅确认) and on the desk's tab 不予受理待确认,
 * opens the case, reads that it still counts as unanswered, and confirms it.
 */
import type { Browser, Page } from 'playwright-core';
import { postCitizenMessage } from '../helpers/citizen-form';
import { launchBrowser, loginAs, screenshot, tallScreenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let handler: Page;
let province: Page;

const INBOX = '/admin/plugins/governance/messages';
const SUBJECT = '不予受理确认测试：推销保健品';

beforeAll(async () => {
  server = await startDemoServer('e2e-message-validity');
  browser = await launchBrowser();
  handler = await loginAs(browser, server, 'xian.handler@demo.example');
  province = await loginAs(browser, server, 'province.admin@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("keeps a site's refusal waiting for the province, who finds it, reads it and confirms it", async () => {
  await postCitizenMessage(server.url, {
    subject: SUBJECT,
    body: '本店新到一批保健品，欢迎选购，电话联系。',
    name: '赵六',
    phone: '13900001111',
  });

  // The site's handler refuses it, with a reason.
  await handler.goto(`${server.url}${INBOX}?tab=toSign`);
  await handler.getByRole('link', { name: SUBJECT }).click();
  await handler.getByRole('heading', { name: SUBJECT }).waitFor();
  await handler.getByRole('button', { name: '不予受理', exact: true }).click();
  await handler.getByText(/不予受理须经省厅确认，确认前该留言仍计为未答复/).waitFor();
  await handler.getByRole('textbox', { name: '不予受理理由' }).fill('内容为商业广告，与政务无关');
  await handler.getByRole('button', { name: '确认不予受理' }).click();
  await handler.getByTestId('invalid-pending').getByText('不予受理，待省厅确认').waitFor();
  // The handler has no say in the confirmation.
  expect(await handler.getByTestId('invalid-decision').count()).toBe(0);
  await screenshot(handler, 'validity-handler-refused');

  // 留言统计: the refusal waits for the province, and the card leads to the list.
  await province.goto(`${server.url}/admin/plugins/governance`);
  await province.getByRole('link', { name: '留言统计' }).click();
  await province.getByRole('heading', { name: '留言统计' }).waitFor();
  const totals = province.getByTestId('statistics-totals');
  await totals.getByText('待省厅确认 1 条').waitFor();
  await province.getByText(/不予受理须经省厅确认，确认前计为未答复/).waitFor();
  const xian = province
    .getByTestId('statistics-level-city')
    .getByRole('row', { name: /^西安市/ })
    .first();
  // 不予受理/待确认: this year's 西安市 has the one waiting.
  expect(await xian.locator('td').nth(2).innerText()).toMatch(/ \/ 1$/);
  await screenshot(province, 'validity-statistics');
  await province.getByTestId('statistics-level-city').scrollIntoViewIfNeeded();
  await screenshot(province, 'validity-statistics-levels');

  await totals.getByRole('link', { name: '待省厅确认 1 条' }).click();
  await province.waitForURL(/tab=invalidPending/);
  await province.getByRole('tab', { name: /^不予受理待确认/, selected: true }).waitFor();
  await province.getByRole('link', { name: SUBJECT }).waitFor();
  await screenshot(province, 'validity-desk-pending');

  await province.getByRole('link', { name: SUBJECT }).click();
  await province.getByTestId('invalid-pending').waitFor();
  await province.getByText(/省厅确认前，该留言仍计为已收到、未答复/).waitFor();
  const decision = province.getByTestId('invalid-decision');
  await decision.getByRole('textbox', { name: '意见' }).fill('确属商业广告');
  await tallScreenshot(province, 'validity-case-decision', 1800);
  await decision.getByRole('button', { name: '确认不予受理' }).click();
  await province
    .getByTestId('message-timeline')
    .getByText(/确认不予受理/)
    .waitFor();
  await province.getByTestId('invalid-pending').waitFor({ state: 'detached' });
  await tallScreenshot(province, 'validity-case-confirmed', 1800);

  await province.goto(`${server.url}${INBOX}?tab=invalidPending`);
  await province.getByText('没有待省厅确认的不予受理留言').waitFor();
});
