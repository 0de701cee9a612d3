/**
 * 栏目管理 in the browser, on the demo: 西安市's leader sees their site's columns with how each
 * stands and proposes retiring one; the province finds the proposal waiting, approves it with an
 * opinion, and the column moves to the retired ones with the record of who asked and who decided.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot, tallScreenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let leader: Page;
let province: Page;
let retiring: string;

const columnsUrl = () => `${server.url}/admin/plugins/governance/columns`;

beforeAll(async () => {
  server = await startDemoServer('e2e-columns');
  browser = await launchBrowser();
  leader = await loginAs(browser, server, 'xian.leader@demo.example');
  province = await loginAs(browser, server, 'province.admin@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("shows a leader their site's columns and sends a retirement to the province", async () => {
  await leader.goto(`${server.url}/admin/plugins/governance`);
  await leader.getByRole('link', { name: '栏目管理' }).click();
  const rows = leader.locator('[data-testid^="column-row-"]');
  await rows.first().waitFor();
  expect(await rows.count()).toBeGreaterThan(2);
  await leader.getByText('本站点的栏目、类型和更新要求').waitFor();
  await screenshot(leader, 'columns-leader');

  // The trick: retire a stale column to escape the staleness veto. It can only be asked for.
  const row = rows.filter({ hasText: '已超期' }).first();
  retiring = (await row.getAttribute('data-testid'))!.replace('column-row-', '');
  await row.getByRole('button', { name: '申请停用' }).click();
  await leader.getByRole('dialog').getByText('提交后由省厅审批，批准后生效。').waitFor();
  await leader.getByRole('dialog').locator('textarea').fill('该栏目内容并入工作动态，申请停用');
  await screenshot(leader, 'columns-leader-propose');
  await leader.getByRole('button', { name: '提交省厅审批' }).click();
  await leader.getByText('已提交省厅审批').first().waitFor();
  // Still in use until the province decides; the record says it waits.
  await leader.getByTestId(`column-row-${retiring}`).getByText('调整申请待审批').waitFor();
  const record = leader.locator('[data-testid^="column-change-"]').first();
  await record.getByText('待审批').waitFor();
  await record.getByText(/申请时该栏目已 \d+ 天未更新，超过 14 天的更新要求/).waitFor();
  await tallScreenshot(leader, 'columns-leader-pending', 1400);
});

it('lets the province approve it, which retires the column and records who decided', async () => {
  await province.goto(columnsUrl());
  await province.getByText('条栏目调整申请待审批').waitFor();
  await province.getByRole('combobox', { name: '站点' }).click();
  await province.getByRole('option', { name: /（1 条待审批）/ }).click();
  const proposal = province.locator('[data-testid^="column-change-"]').first();
  await proposal.getByText(`停用栏目“${retiring}”`).waitFor();
  await proposal.getByRole('button', { name: '批准', exact: true }).click();
  await province
    .getByRole('dialog')
    .getByText(/申请时该栏目已 \d+ 天未更新，超过 14 天的更新要求；批准后该栏目不再计入超期/)
    .waitFor();
  await province.getByRole('dialog').locator('textarea').fill('同意停用');
  await screenshot(province, 'columns-province-approve');
  await province.getByRole('dialog').getByRole('button', { name: '批准', exact: true }).click();
  await province.getByText('已批准，调整已生效').first().waitFor();
  await province.getByText('已停用的栏目').waitFor();
  await province.getByTestId(`column-row-${retiring}`).getByText('已停用').waitFor();
  await proposal.getByText('已生效').waitFor();
  // The decision records that the column was stale when the province approved it.
  await proposal.getByText(/决定时该栏目已 \d+ 天未更新，超过 14 天的更新要求/).waitFor();
  // Nothing in English or as a raw code on the page.
  const text = await province.locator('main').innerText();
  expect(text).not.toMatch(/\b(news|notice|policy|static|pending|applied|columns\.)\b/);
  await tallScreenshot(province, 'columns-province', 1600);
});

it("lets the province say where a column's articles count in the annual report form", async () => {
  // Still on 西安市, after the approval.
  const row = province.getByTestId('column-row-基层动态');
  await row.getByText('政务动态信息').waitFor();
  await row.getByRole('button', { name: '修改', exact: true }).click();
  const dialog = province.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '年度报表类别' }).click();
  await province.getByRole('option', { name: '不单列' }).click();
  await dialog.locator('textarea').fill('基层动态多为转载区县信息，不计入本站政务动态');
  await screenshot(province, 'columns-report-category');
  await dialog.getByRole('button', { name: '确定' }).click();
  await province.getByText('已保存，并记入操作日志').first().waitFor();
  await row.getByText('不单列').waitFor();
  await province
    .locator('[data-testid^="column-change-"]')
    .first()
    .getByText('将栏目“基层动态”年度报表类别改为不单列')
    .waitFor();
});
