/**
 * Account security in the browser: a user whose password expires in three days sees the reminder
 * on every page, Strapi's own included; the provincial admin forces 李华 to change his password
 * on the 账号安全 page, and 李华 then finds every page replaced by the page that leads to the
 * password form until he has changed it and logged in again; the 操作日志 shows the logins and
 * the change, its keyed hash chain verifies against the signed checkpoints (downloaded as a file),
 * and an entry changed in the database, or the newest entries cut off, is named.
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import type { Knex } from 'knex';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { adminUserId, openDemoDatabase } from '../helpers/demo-database';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let db: Knex;

const DAY = 24 * 60 * 60 * 1000;
const ARTICLES = '/admin/content-manager/collection-types/api::article.article';
const NEW_PASSWORD = 'Xian-Editor-2026!';

/** Dates the user's last password change `days` ago, as if it had happened then. */
const passwordChangedDaysAgo = async (email: string, days: number) => {
  const changed = await db('governance_password_states')
    .where({ user_id: await adminUserId(db, email) })
    .update({ changed_at: new Date(Date.now() - days * DAY) });
  expect(changed).toBe(1);
};

/** Logs in from the login page, without waiting for the home page (a blocked user does not get it). */
const logIn = async (page: Page, email: string, password: string) => {
  await page.goto(`${server.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
};

const newPage = () =>
  browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });

beforeAll(async () => {
  // A checkpoint every 5 entries: the logins below sign some, without waiting for the 10-minute job.
  server = await startDemoServer('e2e-account-security', { AUDIT_CHECKPOINT_EVERY: '5' });
  browser = await launchBrowser();
  db = openDemoDatabase(server);
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await server?.stop();
});

it('reminds a user whose password expires in three days on every page, with the way to the password form', async () => {
  // The 90-day policy: changed 86.5 days ago, it expires in three and a half days.
  await passwordChangedDaysAgo('ankang-hanbin.editor@demo.example', 86.5);
  const page = await loginAs(browser, server, 'ankang-hanbin.editor@demo.example');
  const reminder = page.getByTestId('password-reminder');
  await reminder
    .getByText(/^您的登录密码将于 \d{4}年\d{1,2}月\d{1,2}日 到期（还剩 3 天），请及时修改$/)
    .waitFor();
  await screenshot(page, 'password-reminder-home');

  // Strapi's own pages carry it too.
  await page.goto(`${server.url}${ARTICLES}`);
  await page.getByRole('heading', { name: '文章' }).waitFor();
  await reminder.waitFor();
  await screenshot(page, 'password-reminder-content-manager');

  await reminder.getByRole('link', { name: '修改密码' }).click();
  await page.waitForURL('**/admin/me');
  await page.getByRole('heading', { name: '更改密码' }).waitFor();

  // Closed, it stays away in this tab.
  await reminder.getByRole('button', { name: '暂不提醒' }).click();
  await reminder.waitFor({ state: 'detached' });
  await page.goto(`${server.url}/admin`);
  await page.getByText(/您好/).waitFor();
  expect(await reminder.count()).toBe(0);
  await page.close();
});

describe('a password change forced by the provincial admin', () => {
  let admin: Page;
  let editor: Page;

  beforeAll(async () => {
    admin = await loginAs(browser, server, 'province.admin@demo.example');
  });

  it('lists every account on the 账号安全 page, with what needs attention', async () => {
    await admin.goto(`${server.url}/admin/plugins/governance/accounts`);
    await admin.getByRole('heading', { name: '账号安全' }).waitFor();
    const row = admin.getByTestId('account-xian.editor@demo.example');
    await row.getByText('西安市（编辑）').waitFor();
    expect(await row.textContent()).toContain('李华');
    await screenshot(admin, 'accounts');

    // 张敏's password, dated back in the first test, is due soon.
    await admin.getByRole('tab', { name: /即将到期/ }).click();
    await row.waitFor({ state: 'detached' });
    await admin.getByTestId('account-ankang-hanbin.editor@demo.example').waitFor();
    await screenshot(admin, 'accounts-due-soon');
    await admin.getByRole('tab', { name: /全部/ }).click();
    await row.waitFor();
  });

  it('names the holder of an account', async () => {
    // 周丽's account passes to 王芳, who now answers for it.
    const row = admin.getByTestId('account-xian.handler@demo.example');
    await row.getByRole('button', { name: '修改周丽的责任人' }).click();
    await admin.getByRole('textbox', { name: '责任人姓名' }).fill('王芳');
    await screenshot(admin, 'accounts-holder');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await row.getByText('王芳').waitFor();
  });

  it('exports the accounts to Excel', async () => {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^账号安全（全部）-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const cells = JSON.stringify(book.worksheets[0].getSheetValues());
    expect(cells).toContain('xian.editor@demo.example');
    expect(cells).toContain('生成于');
  });

  it('forces 李华 to change his password, after a confirmation', async () => {
    const row = admin.getByTestId('account-xian.editor@demo.example');
    await row.getByRole('button', { name: '强制修改李华的密码' }).click();
    const dialog = admin.getByRole('alertdialog');
    await dialog.getByText(/确定要求李华（xian\.editor@demo\.example）修改密码/).waitFor();
    // The screenshot shows the dialog once it has faded in.
    await dialog.evaluate((element) =>
      Promise.all(
        element
          .getAnimations({ subtree: true })
          .map((animation: { finished: Promise<unknown> }) => animation.finished)
      )
    );
    await screenshot(admin, 'accounts-force-change-confirm');
    await dialog.getByRole('button', { name: '要求修改' }).click();
    await admin.getByText('已要求李华修改密码').waitFor();
    await row.getByText('待强制改密').waitFor();
    await screenshot(admin, 'accounts-force-change-done');
  });

  it('replaces every page for 李华 with the page that leads to the password form', async () => {
    editor = await newPage();
    // The server refuses a blocked user everything but the password change; the admin does not ask
    // him for a file pass meanwhile (it waits for the password status).
    const failed: string[] = [];
    editor.on('response', (response) => {
      if (response.status() >= 400)
        failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await logIn(editor, 'xian.editor@demo.example', server.password);
    const blocked = editor.getByTestId('password-change-required');
    await blocked.getByRole('heading', { name: '管理员已重置密码' }).waitFor({ timeout: 30_000 });
    await blocked.getByText('长度至少 8 位').waitFor();
    await blocked.getByText('不能与最近 5 次使用过的密码相同').waitFor();
    await blocked.getByText('当前账号：李华（xian.editor@demo.example）').waitFor();
    await editor.waitForLoadState('networkidle');
    await screenshot(editor, 'password-change-required');

    // Strapi's own pages are covered too.
    await editor.goto(`${server.url}${ARTICLES}`);
    await blocked.waitFor();
    await editor.waitForLoadState('networkidle');
    await screenshot(editor, 'password-change-required-content-manager');
    expect(failed.filter((request) => request.includes('/governance/media/'))).toEqual([]);
    editor.removeAllListeners('response');
  });

  it('lets 李华 change the password on the profile page, which logs him out', async () => {
    await editor.getByRole('link', { name: '前往修改密码' }).click();
    await editor.waitForURL('**/admin/me');
    await editor.getByTestId('password-change-here').waitFor();
    expect(await editor.getByTestId('password-change-required').count()).toBe(0);

    await editor.getByLabel('当前密码').fill(server.password);
    await editor.getByLabel('密码', { exact: true }).fill(NEW_PASSWORD);
    await editor.getByLabel('确认密码').fill(NEW_PASSWORD);
    await screenshot(editor, 'password-profile-change');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL('**/admin/auth/login', { timeout: 30_000 });
  });

  it('lets 李华 in again with the new password, to the content manager', async () => {
    await logIn(editor, 'xian.editor@demo.example', NEW_PASSWORD);
    await editor.getByText(/您好/).waitFor({ timeout: 30_000 });
    await editor.goto(`${server.url}${ARTICLES}`);
    await editor.getByRole('heading', { name: '文章' }).waitFor();
    expect(await editor.getByTestId('password-change-required').count()).toBe(0);
    expect(await editor.getByTestId('password-reminder').count()).toBe(0);
    await screenshot(editor, 'password-changed-content-manager');
    await editor.close();
  });

  it('shows the logins, the forced change and the new password in the 操作日志, and verifies its chain', async () => {
    // A failed login, to be found with the action filter.
    const failed = await fetch(`${server.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'xian.editor@demo.example', password: 'Wrong-Passw0rd!' }),
    });
    expect(failed.status).toBe(400);

    await admin.goto(`${server.url}/admin/plugins/governance/audit`);
    await admin.getByRole('heading', { name: '操作日志' }).waitFor();
    const rows = admin.getByRole('row');
    await rows.filter({ hasText: '登录成功' }).first().waitFor();
    await rows.filter({ hasText: '强制修改密码' }).first().waitFor();
    await rows
      .filter({ hasText: /李华（站点编辑）修改了本人的密码/ })
      .first()
      .waitFor();
    await admin.getByRole('link', { name: '操作日志' }).waitFor();
    await screenshot(admin, 'audit');

    await admin.getByRole('combobox', { name: '操作类型' }).click();
    await admin.getByRole('option', { name: '登录失败', exact: true }).click();
    await rows.filter({ hasText: '登录成功' }).first().waitFor({ state: 'detached' });
    await rows.filter({ hasText: '登录失败' }).first().waitFor();

    await admin.getByRole('button', { name: '校验完整性' }).click();
    const result = admin.getByTestId('audit-verify-result');
    await result.getByText(/^完整：已校验 \d+ 条$/).waitFor();
    await result.getByText(/^已对照 \d+ 个校验点，最近一个签发于 .+，记至第 \d+ 条$/).waitFor();
    await screenshot(admin, 'audit-verified');
  });

  it('downloads the signed checkpoints as a file', async () => {
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: '下载校验点' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^操作日志校验点-\d{4}年\d{1,2}月\d{1,2}日\.jsonl$/
    );
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toEqual({
      seq: expect.any(Number),
      hash: expect.any(String),
      keyedFrom: 1,
      at: expect.any(String),
      signature: expect.any(String),
    });
    await admin.getByText('已下载校验点文件').waitFor();
  });

  it("finds an entry changed behind the application's back", async () => {
    const { summary } = await db('governance_audit_entries').where({ seq: 3 }).first('summary');
    await db('governance_audit_entries').where({ seq: 3 }).update({ summary: '（被改动的记录）' });
    await admin.getByRole('button', { name: '校验完整性' }).click();
    await admin
      .getByTestId('audit-verify-result')
      .getByText(/^发现篡改：第 3 条记录被改动，内容与校验码不符（此前 2 条完整）$/)
      .waitFor();
    await screenshot(admin, 'audit-tampered');
    await db('governance_audit_entries').where({ seq: 3 }).update({ summary });
  });

  it('finds the newest entries cut off and the head moved back, against the last checkpoint', async () => {
    const file = server.databaseEnv.AUDIT_CHECKPOINT_FILE;
    const checkpoints = fs.readFileSync(file, 'utf8').trim().split('\n');
    const last = JSON.parse(checkpoints[checkpoints.length - 1]) as { seq: number };
    const kept = await db('governance_audit_entries')
      .where({ seq: last.seq - 3 })
      .first('seq', 'hash');
    await db('governance_audit_entries').where('seq', '>', kept.seq).delete();
    await db('governance_audit_heads')
      .where({ name: 'audit' })
      .update({ seq: kept.seq, hash: kept.hash });
    await admin.getByRole('button', { name: '校验完整性' }).click();
    const result = admin.getByTestId('audit-verify-result');
    await result
      .getByText(
        new RegExp(`^发现篡改：自第 ${kept.seq + 1} 条起的最新记录被删除，日志短于此前签发的校验点`)
      )
      .waitFor();
    await screenshot(admin, 'audit-truncated');

    // A checkpoint line forged to match: its signature does not fit.
    fs.appendFileSync(
      file,
      `${JSON.stringify({ ...JSON.parse(checkpoints[checkpoints.length - 1]), seq: kept.seq })}\n`
    );
    await admin.getByRole('button', { name: '校验完整性' }).click();
    await result
      .getByText(
        `校验点文件中有 1 行签名不符或无法读取（第 ${checkpoints.length + 1} 行），这些行不可作为校验依据`
      )
      .waitFor();
    await screenshot(admin, 'audit-checkpoint-forged');
  });
});
