/**
 * 留言办理 in the browser: a citizen writes to 西安市 through the public API; the 西安 message
 * handler signs for it and replies, and the citizen's lookup shows the reply; a second message
 * is transferred to 宝鸡市 and leaves the handler's inbox.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const submit = async (subject: string) => {
  const res = await fetch(`${server.url}/api/citizen-messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: 'xian', category: 'consultation', subject, body: `${subject}：请问需要准备哪些材料，到哪里办理？`,
      name: '王小明', phone: '13800000000', startedAt: Date.now() - 20_000,
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { queryCode: string } }).data.queryCode;
};

const openCase = async (subject: string) => {
  await page.getByRole('button', { name: subject }).click();
  await page.getByTestId('message-case').waitFor();
  await page.waitForTimeout(400); // the dialog fades in
};

beforeAll(async () => {
  server = await startDemoServer('e2e-messages');
  browser = await launchBrowser();
  page = await loginAs(browser, server, 'xian.handler@demo.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('signs for and replies to a message, and the citizen\'s lookup shows the reply', async () => {
  const subject = '高龄补贴如何申请';
  const queryCode = await submit(subject);
  await page.goto(`${server.url}/admin/plugins/governance/messages`);
  await page.getByRole('heading', { name: '留言办理' }).waitFor();
  await page.getByRole('button', { name: subject }).waitFor();
  await screenshot(page, 'messages-inbox');

  await openCase(subject);
  await page.getByRole('button', { name: '签收' }).click();
  await page.getByText('已签收').first().waitFor();
  const reply = '您好，年满80周岁的本市户籍老人可持身份证和户口簿到户籍所在地街道办事处申请高龄补贴。';
  await page.getByRole('textbox', { name: '答复内容' }).fill(reply);
  await page.getByRole('button', { name: '提交答复' }).click();
  await page.getByTestId('message-reply').filter({ hasText: reply }).waitFor();
  await screenshot(page, 'messages-case-replied');
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();

  const lookup = (await (await fetch(`${server.url}/api/citizen-messages/lookup/${queryCode}`)).json()) as { data: { status: string; reply: string; replyingUnit: string } };
  expect(lookup.data).toMatchObject({ status: 'replied', reply, replyingUnit: '西安市' });

  await page.getByRole('tab', { name: /已答复/ }).click();
  await page.getByRole('button', { name: subject }).waitFor();
});

it('transfers a message to another site, which takes it out of this inbox', async () => {
  const subject = '宝鸡市养老院床位咨询';
  await submit(subject);
  await page.goto(`${server.url}/admin/plugins/governance/messages`);
  await openCase(subject);
  await page.getByRole('textbox', { name: '转办至网站（代码）' }).fill('baoji');
  await page.getByRole('textbox', { name: '转办原因' }).fill('咨询的是宝鸡市的养老机构');
  await screenshot(page, 'messages-transfer');
  await page.getByRole('button', { name: '转办', exact: true }).click();
  await page.getByText('已转办').first().waitFor();
  await page.getByRole('button', { name: subject }).waitFor({ state: 'detached' });
});
