/**
 * The county editor's Content Manager shows their own site's articles and messages only, and
 * the provincial admin manages who works for which site on "站点与人员".
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_REVIEW_DRAFTS } from '../../database/seeds/demo-reviews';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

const login = (email: string) => loginAs(browser, server, email);

/** The entry count the Content Manager's list header announces. */
const listedCount = async (page: Page) => {
  const subtitle = await page
    .getByText(/找到\s*[\d,]+\s*(个|条)/)
    .first()
    .textContent();
  return Number((subtitle ?? '').replace(/[^\d]/g, ''));
};

beforeAll(async () => {
  server = await startDemoServer('e2e-isolation');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a county editor', () => {
  let page: Page;

  beforeAll(async () => {
    page = await login('ankang-hanbin.editor@demo.example');
  });

  it("sees only the own site's articles: the published ones and the drafts its editors wrote", async () => {
    const ownPublished = (await (
      await fetch(
        `${server.url}/api/articles?filters[site][code][$eq]=ankang-hanbin&pagination[pageSize]=1`
      )
    ).json()) as { meta: { pagination: { total: number } } };
    const ownDrafts = Object.values(DEMO_REVIEW_DRAFTS).filter(
      (draft) => draft.site === 'ankang-hanbin'
    ).length;
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article`);
    await page.getByRole('heading', { name: '文章' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await listedCount(page)).toBe(ownPublished.meta.pagination.total + ownDrafts);
    await screenshot(page, 'county-editor-articles');
  });

  it("sees only the own site's citizen messages", async () => {
    await page.goto(
      `${server.url}/admin/content-manager/collection-types/api::citizen-message.citizen-message`
    );
    await page.getByRole('heading', { name: '网民留言' }).waitFor();
    await page.waitForLoadState('networkidle');
    const count = await listedCount(page);
    // Counties received 862 messages in 2014, spread over 100 sites.
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(100);
    await screenshot(page, 'county-editor-messages');
  });

  it('has the review pages but no site management', async () => {
    await page.goto(`${server.url}/admin/plugins/governance`);
    // A full reload of the admin: on a loaded CI machine it has taken over 30 s once.
    await page
      .getByRole('heading', { name: '我的送审' })
      .waitFor({ timeout: 90_000 })
      .catch(async (error) => {
        await screenshot(page, 'county-editor-governance-failed');
        throw error;
      });
    expect(await page.getByRole('link', { name: '站点与人员' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '站群概览' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/plugins/governance/sites`);
    await page.getByText('您没有权限访问该内容').waitFor();
  });
});

describe('the provincial admin', () => {
  it('sees the site tree, flags sites without a responsible person, and adds a member', async () => {
    const page = await login('province.admin@demo.example');
    await page.goto(`${server.url}/admin/plugins/governance/sites`);
    await page.getByRole('heading', { name: '站点与人员' }).waitFor();
    await page.getByText('共 120 个站点').waitFor();
    await screenshot(page, 'sites');

    await page.getByRole('checkbox', { name: '只看未指定负责人的站点' }).click();
    await screenshot(page, 'sites-unassigned');
    await page.getByRole('checkbox', { name: '只看未指定负责人的站点' }).click();

    await page.getByPlaceholder('搜索站点名称、代码或人员').fill('碑林');
    const row = page.getByRole('row', { name: /碑林区/ });
    await row.getByRole('button', { name: '添加人员' }).click();
    // Typed key by key, as a person does: the list opens on typing.
    await page.getByRole('combobox', { name: '用户' }).pressSequentially('xian.editor');
    await page.getByRole('option', { name: /xian\.editor@demo\.example/ }).click();
    await screenshot(page, 'sites-add-member');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await row.getByText('李华 · 编辑').waitFor();
    await screenshot(page, 'sites-member-added');

    await row.getByRole('button', { name: '将李华移出碑林区' }).click();
    await page.getByRole('alertdialog').getByText('确定将李华移出“碑林区”').waitFor();
    await page.waitForTimeout(400); // the dialog fades in
    await screenshot(page, 'sites-remove-confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: '移出' }).click();
    await row.getByText('李华 · 编辑').waitFor({ state: 'detached' });
  });
});
