/**
 * Issue 25, trick 6, in the browser: a county site publishes an article, then an identical copy,
 * a one-character title and an empty body (each through review, as the house requires). The
 * reviewer's panel says the copy would not count; 发布排名 shows the county's counted figure with
 * the raw one beside it, and the dialog lists the three articles left out and why.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

const EDITOR = 'ankang-hanbin.editor@demo.example';
const REVIEWER = 'reviewer@demo.example';
const APPROVER = 'approver@demo.example';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const SITE = 'ankang-hanbin';
const year = Number(
  new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date())
);

const TITLE = '汉滨区召开社会救助工作推进会';
const TEXT =
  '为深入贯彻落实全省民政工作会议精神，进一步加强城乡低保规范管理，汉滨区民政局召开全区社会救助工作推进会。会议总结了去年以来全区社会救助工作取得的成效，分析了当前面临的形势和任务，对今年重点工作作出安排部署。会议要求，各镇街要把困难群众基本生活保障摆在更加突出的位置，完善最低生活保障、特困人员救助供养和临时救助制度，健全主动发现机制，做到应保尽保、应救尽救。要加强低保对象动态管理，严格审核审批程序，规范资金发放，坚决防止优亲厚友和骗取套取救助资金等问题。要推进社会救助服务向村社区延伸，加强基层经办能力建设，提升救助服务的便利性和可及性。';

const tokens = new Map<string, string>();
/** A call to the admin API as one of the demo's people. */
const api = async (email: string, method: string, path: string, body?: object) => {
  if (!tokens.has(email)) {
    const login = await fetch(`${server.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: server.password }),
    });
    tokens.set(email, ((await login.json()) as { data: { token: string } }).data.token);
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens.get(email)}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as { data: Record<string, unknown> };
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
};

const FULL_CHECKLIST = { noClassifiedContent: true, noPersonalData: true, wordingChecked: true };

/** The editor writes and submits an article; answers its document id. */
const submitted = async (title: string, text: string) => {
  const sites = (
    (await (await fetch(`${server.url}/api/sites?filters[code][$eq]=${SITE}`)).json()) as {
      data: Array<{ documentId: string }>;
    }
  ).data;
  const body = text ? [{ type: 'paragraph', children: [{ type: 'text', text }] }] : [];
  const draft = await api(EDITOR, 'POST', ARTICLES, { title, site: sites[0].documentId, body });
  const documentId = draft.documentId as string;
  await api(EDITOR, 'POST', `/governance/review/articles/${documentId}/submit`, {});
  return documentId;
};

/** The reviewer and the approver take their steps; the editor publishes. */
const approveAndPublish = async (documentId: string) => {
  for (const who of [REVIEWER, APPROVER]) {
    const review = await api(who, 'GET', `/governance/review/articles/${documentId}`);
    await api(who, 'POST', `/governance/review/articles/${documentId}/approve`, {
      contentHash: review.contentHash,
      checklist: FULL_CHECKLIST,
    });
  }
  await api(EDITOR, 'POST', `${ARTICLES}/${documentId}/actions/publish`, {});
};

let copy: string;

beforeAll(async () => {
  server = await startDemoServer('e2e-counting');
  browser = await launchBrowser();
  await approveAndPublish(await submitted(TITLE, TEXT));
  copy = await submitted(TITLE, TEXT);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('trivial and duplicate articles', () => {
  it('the reviewer reads that the copy would not count, before approving it', async () => {
    const page: Page = await loginAs(browser, server, REVIEWER);
    await page.goto(`${server.url}/admin${ARTICLES}/${copy}`);
    const flags = page.getByTestId('review-count-flags');
    await flags.waitFor();
    await flags
      .getByTestId('review-count-duplicate')
      .getByText(new RegExp(`^与已发布的文章相同：《${TITLE}》（汉滨区`))
      .waitFor();
    await screenshot(page, 'review-count-duplicate');
    await page.close();
  });

  it('发布排名 shows the counted figure, the raw one, and the articles left out', async () => {
    await approveAndPublish(copy);
    await approveAndPublish(await submitted('通', TEXT.slice(0, 120)));
    await approveAndPublish(await submitted('汉滨区关于做好冬季救助工作的通知', ''));

    const page = await loginAs(browser, server, 'province.admin@demo.example');
    await page.goto(`${server.url}/admin/plugins/governance/rankings?year=${year}`);
    const row = page.getByTestId(`ranking-row-${SITE}`);
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'rankings-excluded-row');
    const link = page.getByTestId(`excluded-${SITE}`);
    // The demo's own articles of this year count; the three published here do not.
    await link.getByText(/^原始 [\d,]+ 条，3 条未计入$/).waitFor();
    const raw = Number((await link.innerText()).match(/原始 ([\d,]+) 条/)![1].replace(/,/g, ''));
    const [counted] = (await row.locator('td').allInnerTexts())[2].split('\n');
    expect(Number(counted.replace(/,/g, ''))).toBe(raw - 3);

    await link.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`汉滨区 · ${year}年未计入的文章`).waitFor();
    const list = dialog.getByTestId('excluded-articles');
    await list
      .getByRole('row', { name: new RegExp(`^${TITLE} .* 与《${TITLE}》（汉滨区`) })
      .waitFor();
    await list.getByRole('row', { name: /^通 .* 内容过简/ }).waitFor();
    await list
      .getByRole('row', { name: /^汉滨区关于做好冬季救助工作的通知 .* 内容过简/ })
      .waitFor();
    await page.waitForTimeout(400); // the dialog fades in
    await screenshot(page, 'rankings-excluded-dialog');
    await page.close();
  });
});
