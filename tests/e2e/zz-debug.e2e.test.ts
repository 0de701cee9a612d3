import { launchBrowser, screenshot } from '../helpers/browser';
import { startDemoServer } from '../helpers/server';
it('debug', async () => {
  const server = await startDemoServer('dbg');
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${server.url}/admin/auth/login`);
  await page.waitForTimeout(8000);
  await screenshot(page, 'debug');
  console.log(errors.join('\n----\n'));
  await browser.close();
  await server.stop();
});
