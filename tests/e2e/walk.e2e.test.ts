/**
 * Every page each demo account's menus offer, walked as that person: no error card, no console
 * error, no failed request, and no English on screen beyond a short list of proper nouns. The
 * walk follows the links of the admin's menus (the main menu, the plugin's and the settings'
 * own menus), not the links inside pages, so it sees what a person finds by clicking around.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../database/seeds/demo-accounts';
import { launchBrowser, loginAs, NAVIGATION_ABORT, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

/** Words a Chinese office writes in Latin letters too. */
const ALLOWED_WORDS = new Set([
  'Excel',
  'Word',
  'Strapi',
  'Node', // Node.js, on 设置 → 系统信息
  'HTML',
  'HTTPS',
  'JSON',
  'Email',
  // Strapi's user list writes an account's state as these literal words (no translation key:
  // @strapi/admin Settings/pages/Users/ListPage); only a Super Admin sees that page.
  'Active',
  'Inactive',
]);

/**
 * Strapi's own technical settings, which only a Super Admin opens, where its Chinese keeps a few
 * technical words, and the data they show: the mail provider's name and the file that configures
 * it (email), the image tag auto-rotation reads (media library), the default locale's own name
 * and a column head Strapi writes literally (internationalization, @strapi/i18n LocaleTable).
 */
const SETTINGS_TERMS: Record<string, string[]> = {
  '/admin/settings/email': ['sendmail', 'config', 'plugins'],
  '/admin/settings/media-library': ['EXIF', 'orientation'],
  '/admin/settings/internationalization': ['English', 'Actions'],
};

/**
 * The Content-Type Builder: a developer's schema editor (attribute names, relation kinds, "run
 * strapi develop"), read-only in a running installation and in the Super Admin's menu only. It
 * is not walked; a separate technical Super Admin account would take it out of the province's
 * menu (see the closing note of issue 18).
 */
const DEVELOPER_TOOLS = ['/admin/plugins/content-type-builder'];

/** Pages each account visits at most, so that a runaway menu cannot make the walk endless. */
const MAX_PAGES = 60;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer('e2e-walk');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The links of the admin's menus on the page now, as paths. */
const menuLinks = async (page: Page) =>
  (
    await page
      .locator('nav a[href]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
  )
    .map((href) => new URL(href, 'http://admin.invalid').pathname)
    .filter((path) => path.startsWith('/admin') && !path.includes('/logout'));

/** Every site's code (data, shown on some pages), from the public API a page at a time. */
const allSiteCodes = async () => {
  const codes = new Set<string>();
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const { data, meta } = (await (
      await fetch(`${server.url}/api/sites?pagination[pageSize]=100&pagination[page]=${page}`)
    ).json()) as { data: Array<{ code: string }>; meta: { pagination: { pageCount: number } } };
    for (const site of data) codes.add(site.code);
    pageCount = meta.pagination.pageCount;
  }
  return codes;
};

/** Latin words on screen that are not data (addresses, site codes) and not allowed nouns. */
const englishOnScreen = async (page: Page, siteCodes: Set<string>) => {
  const text = await page.locator('body').innerText();
  const cleaned = text
    .replace(/[\w.+-]+@[\w.-]+/g, ' ') // e-mail addresses
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, (code: string) => (siteCodes.has(code) ? ' ' : code));
  return [...new Set(cleaned.match(/[A-Za-z]{4,}/g) ?? [])].filter(
    (word) => !ALLOWED_WORDS.has(word) && !siteCodes.has(word)
  );
};

describe.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))(
  '%s walks every page of the menus',
  (email) => {
    it('meets no error, no failed request and no English', async () => {
      const siteCodes = await allSiteCodes();
      const problems: string[] = [];
      let where = 'login';
      const walker = await loginAs(browser, server, email);
      walker.on('console', (message) => {
        if (message.type() === 'error' && !NAVIGATION_ABORT.test(message.text()))
          problems.push(`${where}: console: ${message.text()}`);
      });
      walker.on('pageerror', (error) => problems.push(`${where}: page error: ${error.message}`));
      walker.on('response', (response) => {
        if (response.status() >= 400)
          problems.push(`${where}: ${response.status()} ${new URL(response.url()).pathname}`);
      });

      const account = email.split('@')[0];
      const seen = new Set<string>();
      const queue = ['/admin/'];
      while (queue.length > 0 && seen.size < MAX_PAGES) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        where = path;
        await walker.goto(`${server.url}${path}`);
        await walker.waitForLoadState('networkidle');
        await walker.waitForTimeout(300); // lazy widgets and panels render after their data
        // A busy machine may still be rendering a list after its request: its loader's text
        // (Strapi's "Loading content") would count as English. One that never ends still does.
        await walker
          .getByText('Loading content')
          .first()
          .waitFor({ state: 'detached', timeout: 20_000 })
          .catch(() => undefined);
        if (await walker.getByText('出现错误').count())
          problems.push(`${path}: an error card (出现错误)`);
        for (const word of await englishOnScreen(walker, siteCodes))
          if (!SETTINGS_TERMS[path]?.includes(word))
            problems.push(`${path}: English on screen: ${word}`);
        await screenshot(walker, `walk-${account}-${path.replace(/\W+/g, '-')}`);
        for (const link of await menuLinks(walker))
          if (!seen.has(link) && !DEVELOPER_TOOLS.some((tool) => link.startsWith(tool)))
            queue.push(link);
      }
      await walker.close();
      expect({ pages: seen.size, problems }).toEqual({ pages: seen.size, problems: [] });
    }, 900_000);
  }
);
