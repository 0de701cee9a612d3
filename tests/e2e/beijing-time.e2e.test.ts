/**
 * Beijing time whatever the computer's clock says: the provincial admin opens the 操作日志 and
 * the 站群概览 on a browser set to UTC. Every time is the group's (北京时间), the zone is named
 * once per page in Chinese, and no page shows "Asia/Shanghai", a UTC/ISO time or an English word.
 * The 操作日志 reads as sentences with the actor's name and role (张敏's 报送 is hers, not
 * 系统's), and its Excel export is named in Chinese local time.
 */
import type { Knex } from 'knex';
import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../src/plugins/governance/shared/local-time';
import { launchBrowser, loginAs, tallScreenshot } from '../helpers/browser';
import { openDemoDatabase } from '../helpers/demo-database';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let db: Knex;

const ZONE = 'Asia/Shanghai';
/** How the page writes an entry's time (react-intl with the admin's locale). */
const written = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('zh-Hans', { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(
    at
  );

/** The main area's text, and what its empty fields say (placeholders: YYYY/MM/DD is English). */
const mainText = async () => {
  const inputs = await page.locator('main input').all();
  const placeholders = await Promise.all(inputs.map((input) => input.getAttribute('placeholder')));
  return [await page.locator('main').innerText(), ...placeholders].join('\n');
};

/** Names a Chinese office writes as they are. */
const PROPER_NOUNS = new Set(['Excel']);

/** Chinese only: no word of four Latin letters, no zone code, no machine time. */
const expectChinese = async () => {
  const text = await mainText();
  expect(text).not.toContain('Asia/Shanghai');
  expect(text).not.toMatch(/\bUTC\b|GMT|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect((text.match(/[A-Za-z]{4,}/g) ?? []).filter((word) => !PROPER_NOUNS.has(word))).toEqual([]);
};

/** The zone is named once on the page. */
const expectZoneNamedOnce = async () => {
  const text = await mainText();
  expect(text.match(/时间均为北京时间/g)).toHaveLength(1);
};

beforeAll(async () => {
  server = await startDemoServer('e2e-beijing-time');
  browser = await launchBrowser();
  page = await loginAs(browser, server, 'province.admin@demo.example', { timezoneId: 'UTC' });
  db = openDemoDatabase(server);
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await server?.stop();
});

it('runs on a computer whose clock is set to UTC', async () => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
});

describe('the 操作日志', () => {
  it('shows the login just made at its Beijing time, not the browser’s', async () => {
    const login = await db('governance_audit_entries')
      .where({ action: 'login.success' })
      .orderBy('seq', 'desc')
      .first('seq', 'at');
    const at = new Date(typeof login.at === 'string' ? login.at : Number(login.at));
    await page.goto(`${server.url}/admin/plugins/governance/audit`);
    await page.getByRole('heading', { name: '操作日志', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: written(at, ZONE) });
    await row.getByText('王建国（省厅管理员）登录').waitFor();
    expect(await row.getByText('登录成功').count()).toBe(1);
    // Eight hours apart: the UTC rendering is nowhere.
    expect(await mainText()).not.toContain(written(at, 'UTC'));
    await expectZoneNamedOnce();
    await expectChinese();
    await tallScreenshot(page, 'audit-beijing-time', 1800);
  });

  it('names 张敏 as the one who made her 报送, with her role and the article', async () => {
    await page.getByRole('combobox', { name: '操作类型' }).click();
    await page.getByRole('option', { name: '报送信息', exact: true }).click();
    const rows = page.getByRole('row').filter({ hasText: '报送信息' });
    await rows.first().waitFor();
    const sentences = await rows.allInnerTexts();
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) {
      expect(sentence).toMatch(/张敏（站点编辑）将《.+》从.+报送至.+/);
      expect(sentence).not.toMatch(/系统|操作人未记录/);
    }
    await expectChinese();
    await tallScreenshot(page, 'audit-submissions', 1000);
  });

  it('exports the log as 操作日志-<today in Beijing>.xlsx', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`操作日志-${localDate(new Date(), ZONE)}.xlsx`);
  });
});

describe('the 站群概览', () => {
  it('names the zone once, in Chinese, and shows no English', async () => {
    await page.goto(`${server.url}/admin/plugins/governance`);
    await page.getByRole('heading', { name: '站群概览', level: 1 }).waitFor();
    await page.getByText('全站群合计').waitFor();
    await expectZoneNamedOnce();
    await expectChinese();
    await tallScreenshot(page, 'overview-beijing-time', 1200);
  });
});
