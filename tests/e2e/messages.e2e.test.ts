/**
 * 留言办理 in the browser: a citizen writes to 西安市 through the public API; the 西安 message
 * handler signs for it and replies with the replying unit, and the citizen's lookup shows the
 * reply; a reply the server's check flags is sent only after the handler confirms it; a message
 * is transferred to 宝鸡市 through the site picker, stays with the handler until the province
 * accepts it for 宝鸡市, then leaves the handler's inbox; an extension
 * asked for by the handler is approved by the provincial admin and moves the deadline; a message
 * is refused as invalid with a reason; a wrong category is corrected with a reason and the
 * citizen's original stays on the case. Staff see the case number (留言编号), never the query
 * code, and the Content Manager shows no citizen's contact.
 */
import type { Browser, Page } from 'playwright-core';
import { postCitizenMessage } from '../helpers/citizen-form';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const INBOX = '/admin/plugins/governance/messages';
const MESSAGES_CM = '/admin/content-manager/collection-types/api::citizen-message.citizen-message';

const submit = (subject: string) =>
  postCitizenMessage(server.url, {
    subject,
    body: `${subject}：请问需要准备哪些材料，到哪里办理？`,
    name: '王小明',
    phone: '13800000000',
  });

/** The citizen's key never reaches a staff member's screen. */
const expectNoQueryCode = async (on: Page, queryCode: string) =>
  expect(await on.content()).not.toContain(queryCode);

/** Opens a message's case page from the inbox of `on`, found by its subject. */
const openCase = async (subject: string, on: Page = page) => {
  await on.getByRole('link', { name: subject, exact: true }).click();
  await on.getByTestId('message-case').waitFor();
};

/** The case page: its header's acts and its body. */
const caseDialog = (on: Page = page) => on.getByRole('main');

const signFor = async (subject: string) => {
  await page.goto(`${server.url}${INBOX}`);
  await openCase(subject);
  await caseDialog().getByRole('button', { name: '签收', exact: true }).click();
  await page.getByText('已签收').first().waitFor();
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

it("signs for and replies to a message with the replying unit, and the citizen's lookup shows the reply", async () => {
  const subject = '高龄补贴如何申请';
  const { queryCode, caseNumber } = await submit(subject);
  await page.goto(`${server.url}${INBOX}`);
  await page.getByRole('heading', { name: '留言办理' }).waitFor();
  await page.getByRole('link', { name: subject }).waitFor();
  // The row names the case by its number; no citizen's name or contact in the list.
  await page
    .getByRole('row', { name: new RegExp(caseNumber) })
    .getByRole('link', { name: subject })
    .waitFor();
  expect(await page.getByText('13800000000').count()).toBe(0);
  expect(await page.getByText('王小明').count()).toBe(0);
  await expectNoQueryCode(page, queryCode);
  await screenshot(page, 'messages-inbox');

  await openCase(subject);
  await caseDialog()
    .getByText(new RegExp(`编号 ${caseNumber}`))
    .waitFor();
  // The case page shows the contact (each opening is audited), never the query code.
  await caseDialog()
    .getByText(/王小明/)
    .waitFor();
  await expectNoQueryCode(page, queryCode);
  await caseDialog().getByRole('button', { name: '签收', exact: true }).click();
  await page.getByText('已签收').first().waitFor();
  const reply =
    '您好，年满80周岁的本市户籍老人可持身份证和户口簿到户籍所在地街道办事处申请高龄补贴，审核通过后次月起按月发放。';
  await page.getByRole('textbox', { name: '答复内容' }).fill(reply);
  await page.getByRole('textbox', { name: '答复单位' }).fill('西安市民政局');
  await page.getByRole('button', { name: '提交答复' }).click();
  await page.getByTestId('message-reply').filter({ hasText: reply }).waitFor();
  await caseDialog().getByText('答复单位：西安市民政局').waitFor();
  await screenshot(page, 'messages-case-replied');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();

  const lookup = (await (
    await fetch(`${server.url}/api/citizen-messages/lookup/${queryCode}`)
  ).json()) as { data: { status: string; reply: string; replyingUnit: string } };
  expect(lookup.data).toMatchObject({ status: 'replied', reply, replyingUnit: '西安市民政局' });

  await page.getByRole('tab', { name: /已答复/ }).click();
  await page.getByRole('link', { name: subject }).waitFor();

  // The citizen rates the reply, with the last four digits of their phone; the handler sees the
  // rating on the case. The code alone rates nothing.
  const rate = (contact?: string) =>
    fetch(`${server.url}/api/citizen-messages/lookup/${queryCode}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        satisfaction: 'neutral',
        comment: '答复清楚，希望办理再快一些',
        contact,
      }),
    });
  expect((await rate()).status).toBe(400);
  expect((await rate('1234')).status).toBe(404);
  expect((await rate('0000')).status).toBeLessThan(300);
  await openCase(subject);
  await caseDialog().getByText('网民评价：基本满意').waitFor();
  await page.getByTestId('message-timeline').getByText('留言人 评价：基本满意').waitFor();
  await page.getByTestId('message-timeline').getByText('答复清楚，希望办理再快一些').waitFor();
  await screenshot(page, 'messages-case-rated');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();
});

it('holds back a short reply without a replying unit until the handler sends it anyway', async () => {
  const subject = '低保申请进度查询';
  await submit(subject);
  await signFor(subject);
  const reply = '您好，已收到您的留言，感谢您的关注。';
  await page.getByRole('textbox', { name: '答复内容' }).fill(reply);
  // The site's name is offered as the replying unit; cleared here.
  await page.getByRole('textbox', { name: '答复单位' }).fill('');
  await page.getByRole('button', { name: '提交答复' }).click();

  const flags = page.getByTestId('reply-flags');
  await flags.getByText(/回复过短/).waitFor();
  await flags.getByText(/未注明答复单位/).waitFor();
  // Nothing was sent and the wording is still there to revise.
  expect(await page.getByTestId('message-reply').count()).toBe(0);
  expect(await page.getByRole('textbox', { name: '答复内容' }).inputValue()).toBe(reply);
  await screenshot(page, 'messages-case-flagged');

  await flags.getByRole('button', { name: '仍然发送' }).click();
  await page.getByTestId('message-reply').filter({ hasText: reply }).waitFor();
  await page
    .getByTestId('message-timeline')
    .getByText(/发送时提示：.*回复过短/)
    .waitFor();
  await screenshot(page, 'messages-case-flagged-sent');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();
});

it('asks to transfer a message to a site chosen in the picker; the sender keeps it until the province (or that site) accepts it', async () => {
  const subject = '宝鸡市养老院床位咨询';
  await submit(subject);
  await page.goto(`${server.url}${INBOX}`);
  await openCase(subject);
  const picker = page.getByRole('combobox', { name: '转办至网站' });
  await picker.click();
  await picker.fill('宝鸡');
  await page.getByRole('option', { name: '宝鸡市（设区市级）' }).waitFor();
  await screenshot(page, 'messages-transfer-picker');
  await page.getByRole('option', { name: '宝鸡市（设区市级）' }).click();
  await page.getByRole('textbox', { name: '转办原因' }).fill('咨询的是宝鸡市的养老机构');
  await page.getByRole('button', { name: '转办', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'messages-transfer');
  await page.getByRole('button', { name: '转办', exact: true }).click();
  await page.getByText('已申请转办，待对方接收').first().waitFor();
  // Not accepted yet: still in Xi'an's inbox, its clock running, the transfer shown as waiting.
  await page.getByRole('heading', { name: '留言办理' }).waitFor();
  await openCase(subject);
  await page
    .getByTestId('pending-transfer')
    .getByText(/申请转办至宝鸡市，待对方接收/)
    .waitFor();
  expect(await page.getByRole('button', { name: '接收', exact: true }).count()).toBe(0);
  expect(await page.getByRole('combobox', { name: '转办至网站' }).count()).toBe(0);
  await page.getByTestId('pending-transfer').scrollIntoViewIfNeeded();
  await screenshot(page, 'messages-transfer-pending');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();
  await page.getByRole('link', { name: subject }).waitFor();

  // The province finds it under 待接收 and accepts it for 宝鸡市: the holdings show who held it.
  const admin = await loginAs(browser, server, 'province.admin@demo.example');
  try {
    await admin.goto(`${server.url}${INBOX}?tab=toAccept`);
    await admin.getByRole('tab', { name: /待接收/ }).waitFor();
    await admin.getByRole('link', { name: subject }).click();
    await admin.getByTestId('message-case').waitFor();
    await admin.getByRole('button', { name: '接收', exact: true }).click();
    await admin.getByText('已接收，本站办理期限自现在起算').first().waitFor();
    const holdings = admin.getByTestId('message-holdings');
    await holdings.getByText('西安市', { exact: true }).waitFor();
    await holdings.getByText('宝鸡市', { exact: true }).waitFor();
    // Accepted the day it arrived, its holding's deadline is the message's: no 误派 to rule.
    expect(await admin.getByRole('heading', { name: '认定误派' }).count()).toBe(0);
    await holdings.scrollIntoViewIfNeeded();
    await screenshot(admin, 'messages-transfer-accepted');
  } finally {
    await admin.close();
  }
  await page.goto(`${server.url}${INBOX}`);
  await page.getByRole('heading', { name: '留言办理' }).waitFor();
  await page.getByRole('link', { name: subject }).waitFor({ state: 'detached' });
});

it('asks for an extension that the provincial admin approves, moving the deadline', async () => {
  const subject = '残疾人两项补贴材料清单';
  await submit(subject);
  await signFor(subject);
  await page.getByRole('textbox', { name: '延期工作日' }).fill('5');
  await page.getByRole('textbox', { name: '延期理由' }).fill('需向区残联调取历年发放记录');
  await page.getByRole('button', { name: '申请延期', exact: true }).click();
  await page
    .getByTestId('pending-extension')
    .getByText(/延长5个工作日/)
    .waitFor();
  await page
    .getByTestId('pending-extension')
    .getByText('理由：需向区残联调取历年发放记录')
    .waitFor();
  await page.getByTestId('pending-extension').scrollIntoViewIfNeeded();
  await screenshot(page, 'messages-extension-pending');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();

  const admin = await loginAs(browser, server, 'province.admin@demo.example');
  try {
    await admin.goto(`${server.url}${INBOX}`);
    await admin.getByRole('tab', { name: /办理中/ }).click();
    await admin.getByPlaceholder('搜索标题或留言编号').fill(subject);
    await openCase(subject, admin);
    await admin.getByTestId('pending-extension').waitFor();
    await screenshot(admin, 'messages-extension-decision');
    await admin.getByRole('textbox', { name: '审批意见（选填）' }).fill('同意延期，请按期答复');
    await admin.getByRole('button', { name: '批准延期', exact: true }).click();
    await admin.getByText('已批准延期，答复期限已顺延').first().waitFor();
    const timeline = admin.getByTestId('message-timeline');
    await timeline.getByText('王建国 批准延期（5个工作日）').waitFor();
    const moved = await timeline.getByText(/答复期限：.* → /).innerText();
    const [before, after] = moved.replace('答复期限：', '').split(' → ');
    expect(before).not.toBe(after);
    expect(await admin.getByTestId('pending-extension').count()).toBe(0);
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(admin, 'messages-extension-approved');
  } finally {
    await admin.close();
  }
});

it('refuses a message as invalid with a reason, after a confirmation', async () => {
  const subject = '推销养老保险产品';
  await submit(subject);
  await page.goto(`${server.url}${INBOX}`);
  await openCase(subject);
  await caseDialog().getByRole('button', { name: '不予受理', exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm
    .getByRole('textbox', { name: '不予受理理由' })
    .fill('留言内容为商业推销，不属于民政业务咨询');
  await page.waitForTimeout(400); // the confirmation fades in
  await screenshot(page, 'messages-invalid-confirm');
  await confirm.getByRole('button', { name: '确认不予受理' }).click();
  await page.getByText('已不予受理').first().waitFor();
  await page
    .getByTestId('message-timeline')
    .getByText('留言内容为商业推销，不属于民政业务咨询')
    .waitFor();
  await page.getByTestId('message-case').getByText('不予受理', { exact: true }).first().waitFor();
  await screenshot(page, 'messages-invalid-done');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();
  await page.getByRole('link', { name: subject }).waitFor({ state: 'detached' });
});

it('corrects a wrong category with a reason, keeping the one the citizen chose', async () => {
  const subject = '养老院收费不合理';
  const { queryCode, caseNumber } = await submit(subject);
  await page.goto(`${server.url}${INBOX}`);
  // Found by its case number, as a citizen on the phone would quote it.
  await page.getByPlaceholder('搜索标题或留言编号').fill(caseNumber);
  await openCase(subject);
  await caseDialog().getByRole('combobox', { name: '正确类别' }).click();
  await page.getByRole('option', { name: '投诉' }).click();
  await caseDialog().getByRole('textbox', { name: '更正理由' }).fill('反映养老院乱收费，属于投诉');
  await caseDialog()
    .getByRole('button', { name: '更正类别', exact: true })
    .scrollIntoViewIfNeeded();
  await screenshot(page, 'messages-category-form');
  await caseDialog().getByRole('button', { name: '更正类别', exact: true }).click();
  await page.getByText('已更正类别').first().waitFor();
  await caseDialog()
    .getByTestId('original-category')
    .getByText('留言人所选类别为“咨询”，已更正')
    .waitFor();
  await caseDialog()
    .getByText(new RegExp(`编号 ${caseNumber} · 西安市 · 投诉`))
    .waitFor();
  const timeline = page.getByTestId('message-timeline');
  await timeline.getByText(/更正类别：咨询 → 投诉/).waitFor();
  await timeline.getByText('反映养老院乱收费，属于投诉').waitFor();
  await expectNoQueryCode(page, queryCode);
  await caseDialog()
    .getByText(new RegExp(`编号 ${caseNumber}`))
    .scrollIntoViewIfNeeded();
  await screenshot(page, 'messages-category-corrected');
  await caseDialog().getByRole('link', { name: '返回留言办理' }).click();

  const lookup = (await (
    await fetch(`${server.url}/api/citizen-messages/lookup/${queryCode}`)
  ).json()) as { data: { category: string; subject: string } };
  expect(lookup.data).toMatchObject({ category: 'complaint', subject });
});

it("shows no citizen's contact or query code in the Content Manager, where 公开 is still set", async () => {
  const subject = '内容管理中查看留言';
  const { queryCode, caseNumber } = await submit(subject);
  const admin = await loginAs(browser, server, 'province.admin@demo.example');
  try {
    await admin.goto(`${server.url}${MESSAGES_CM}`);
    await admin.getByRole('heading', { name: '网民留言' }).waitFor();
    await admin.waitForLoadState('networkidle');
    expect(await admin.getByText('王小明').count()).toBe(0);
    await screenshot(admin, 'messages-content-manager-list');

    // Searched by its case number: the search box looks in what staff may read.
    await admin.goto(`${server.url}${MESSAGES_CM}?_q=${caseNumber}`);
    await admin.getByRole('gridcell', { name: caseNumber, exact: true }).click();
    await admin.getByRole('textbox', { name: '标题' }).waitFor();
    for (const label of ['留言人', '联系电话', '电子邮箱', 'IP 地址', '查询码'])
      expect(await admin.getByText(label, { exact: true }).count()).toBe(0);
    expect(await admin.getByText('13800000000').count()).toBe(0);
    await expectNoQueryCode(admin, queryCode);
    await admin.getByLabel('公开', { exact: true }).click();
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await admin
      .getByText(/已保存|Saved/)
      .first()
      .waitFor();
    await screenshot(admin, 'messages-content-manager-edit');
  } finally {
    await admin.close();
  }
});
