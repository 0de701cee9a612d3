/**
 * 信息报送 in the browser: 汉滨区's editor submits a published article to the portal from the
 * side panel of its edit view; the portal's editor adopts it in 报送信息, which makes a portal
 * draft naming its source, refused publication until the portal's three review steps approve
 * it, then published with its source on the public API. A waiting submission is declined with
 * a reason the county editor reads in 我的报送, and the province, though the portal's leader,
 * cannot adopt.
 */
import type { Browser, Page } from 'playwright-core';
import {
  CHECKLIST_ITEMS,
  type StepCapacity,
} from '../../src/plugins/governance/shared/contracts/review';
import type { Submission } from '../../src/plugins/governance/shared/contracts/submissions';
import { ERRORS } from '../../src/plugins/governance/server/src/submissions/messages';
import {
  approveInPanel,
  launchBrowser,
  loginAs,
  screenshot,
  tallScreenshot,
} from '../helpers/browser';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

const COUNTY_EDITOR = 'ankang-hanbin.editor@demo.example';
const PORTAL_EDITOR = 'portal.editor@demo.example';
const PROVINCE = 'province.admin@demo.example';
const REVIEWER = 'reviewer@demo.example';
const APPROVER = 'approver@demo.example';
/** Who takes each step of the portal's review chain in the demo. */
const STEP_HOLDERS: Record<StepCapacity, string> = {
  leader: PROVINCE,
  reviewer: REVIEWER,
  approver: APPROVER,
};

const ARTICLES = '/admin/content-manager/collection-types/api::article.article';
const INCOMING = '/admin/plugins/governance/submissions';
const OUTGOING = '/admin/plugins/governance/submissions/outgoing';

const login = (email: string) => loginAs(browser, server, email);

const tokens = new Map<string, string>();
/** An admin token of a demo account, for the steps the test takes over the admin API. */
const tokenOf = async (email: string) => {
  const known = tokens.get(email);
  if (known) return known;
  const res = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: server.password }),
  });
  expect(res.status).toBe(200);
  const { data } = (await res.json()) as { data: { token: string } };
  tokens.set(email, data.token);
  return data.token;
};

const adminApi = async (
  email: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: object
) => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await tokenOf(email)}`,
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; error?: { message: string } },
  };
};

/** A published 汉滨区 2014 article by the demo loader's slug (1–3 are the demo's own submissions). */
const hanbinArticle = async (n: number) => {
  const slug = `ankang-hanbin-2014-${String(n).padStart(5, '0')}`;
  const res = await fetch(`${server.url}/api/articles?filters[slug][$eq]=${slug}`);
  const { data } = (await res.json()) as { data: Array<{ documentId: string; title: string }> };
  expect(data).toHaveLength(1);
  return data[0];
};

/** The portal's open submission of an article, as 孙磊's 报送信息 lists it. */
const incomingOf = async (articleDocumentId: string) => {
  const { body } = await adminApi(
    PORTAL_EDITOR,
    'GET',
    '/governance/submissions/incoming?status=submitted'
  );
  return (body.data as Submission[]).find(
    (item) => item.sourceArticleDocumentId === articleDocumentId
  );
};

const submissionPanel = (page: Page) => page.getByTestId('submission-panel');
const reviewPanel = (page: Page) => page.getByTestId('review-panel');

beforeAll(async () => {
  server = await startDemoServer('e2e-submissions');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an article submitted by a county, adopted, reviewed and published by the portal', () => {
  const note = '汉滨区今年的经验做法，建议门户网站“市县动态”栏目采用';
  let source: { documentId: string; title: string };
  let submissionId: number;
  let draftUrl: string;
  let draftDocumentId: string;

  beforeAll(async () => {
    source = await hanbinArticle(12);
  });

  it("is submitted to the portal by 汉滨区's editor from the side panel of its edit view", async () => {
    const page = await login(COUNTY_EDITOR);
    await page.goto(`${server.url}${ARTICLES}/${source.documentId}`);
    const portal = submissionPanel(page).getByTestId('submission-target-portal');
    const city = submissionPanel(page).getByTestId('submission-target-ankang');
    await portal.waitFor();
    // A county may send to the portal and to its own city; nothing was sent yet.
    await city.getByRole('button', { name: '报送' }).waitFor();
    expect(
      await submissionPanel(page)
        .getByText(/只有已发布的文章可以报送/)
        .count()
    ).toBe(0);

    await portal.getByRole('textbox', { name: /报送说明/ }).fill(note);
    await portal.getByRole('button', { name: '报送' }).click();
    await page.getByText('已报送至陕西民政网').first().waitFor();
    await portal.getByText('待采用', { exact: true }).waitFor();
    await portal.getByRole('button', { name: '撤回' }).waitFor();
    expect(await portal.getByRole('button', { name: '报送' }).count()).toBe(0);
    await submissionPanel(page).scrollIntoViewIfNeeded();
    await tallScreenshot(page, 'submissions-side-panel', 1300);
    await page.close();
  });

  it("is adopted by the portal's editor from 报送信息, making a portal draft that names its source", async () => {
    const waiting = await incomingOf(source.documentId);
    expect(waiting).toMatchObject({
      title: source.title,
      note,
      submittedByName: '张敏',
      sourceSite: { name: '汉滨区' },
    });
    submissionId = waiting!.id;

    const page = await login(PORTAL_EDITOR);
    await page.goto(`${server.url}${INCOMING}`);
    await page.getByRole('heading', { name: '报送信息' }).waitFor();
    const row = page.getByTestId(`submission-row-${submissionId}`);
    await row.getByText(note, { exact: true }).waitFor();
    await row.getByText('汉滨区', { exact: true }).waitFor();
    await row.getByText('张敏', { exact: true }).waitFor();
    // The menu counts what waits: this one and the demo's.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /报送信息\s*2/ })
      .waitFor();
    await screenshot(page, 'submissions-incoming');

    await row.getByRole('button', { name: '采用' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`采用汉滨区报送的《${source.title}》？`).waitFor();
    await page.waitForTimeout(400); // the dialog fades in
    await screenshot(page, 'submissions-adopt-dialog');
    await dialog.getByRole('button', { name: '确认采用' }).click();
    const adopted = page.getByTestId('submission-adopted');
    await adopted.getByText(`《${source.title}》已采用`, { exact: false }).waitFor();
    await row.waitFor({ state: 'detached' });

    await adopted.getByRole('link', { name: '打开本站草稿' }).click();
    await page.waitForURL(
      (url) => url.pathname.startsWith(ARTICLES) && !url.pathname.endsWith(source.documentId)
    );
    draftUrl = page.url().split('?')[0];
    draftDocumentId = draftUrl.split('/').pop()!;
    await page.getByTestId('submission-source').getByText('本文采自 汉滨区').waitFor();
    expect(await page.locator('input[name="title"]').inputValue()).toBe(source.title);
    await reviewPanel(page).getByText('草稿').first().waitFor();

    // A draft of the portal like any other: no publication before the portal's review.
    await reviewPanel(page).getByText('文章尚未送审').waitFor();
    await page.waitForTimeout(300); // the button follows the review once it has loaded
    expect(await page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
    await tallScreenshot(page, 'submissions-adopted-draft', 1300);

    await reviewPanel(page).getByRole('button', { name: '送审' }).click();
    await reviewPanel(page).getByText('等待第 1/3 步：初审').waitFor();
    await page.close();
  });

  it("passes the portal's three review steps", async () => {
    const review = async () =>
      (await adminApi(PORTAL_EDITOR, 'GET', `/governance/review/articles/${draftDocumentId}`)).body
        .data as {
        status: string;
        step: number | null;
        chain: StepCapacity[];
        contentHash: string;
      };
    const approveOverApi = async (email: string) => {
      const { contentHash } = await review();
      const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, true]));
      const res = await adminApi(
        email,
        'POST',
        `/governance/review/articles/${draftDocumentId}/approve`,
        { contentHash, checklist }
      );
      expect(res).toMatchObject({ status: 200 });
    };

    expect(await review()).toMatchObject({
      status: 'submitted',
      step: 1,
      chain: ['leader', 'reviewer', 'approver'],
    });
    await approveOverApi(STEP_HOLDERS.leader);

    // 保密审查 in the browser, as the reviewer does it.
    expect(await review()).toMatchObject({ step: 2 });
    const page = await login(STEP_HOLDERS.reviewer);
    await page.goto(draftUrl);
    await reviewPanel(page).getByText('等待第 2/3 步：保密审查').waitFor();
    await approveInPanel(page);
    await reviewPanel(page).getByText('等待第 3/3 步：终审').waitFor();
    await page.close();

    await approveOverApi(STEP_HOLDERS.approver);
    expect(await review()).toMatchObject({ status: 'approved', step: null });
  });

  it("is published by the portal's editor, and the public API names its source", async () => {
    const page = await login(PORTAL_EDITOR);
    await page.goto(draftUrl);
    await reviewPanel(page).getByText('已通过全部审核步骤，可以发布。').waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    // Online as soon as the publication commits: the public API is the citizen's view.
    const online = () => fetch(`${server.url}/api/articles/${draftDocumentId}`);
    for (let tries = 0; tries < 50 && (await online()).status !== 200; tries += 1)
      await page.waitForTimeout(200);
    const published = (await (await online()).json()) as { data: Record<string, unknown> };
    expect(published.data).toMatchObject({
      title: source.title,
      sourceSiteName: '汉滨区',
      sourceSiteCode: 'ankang-hanbin',
      sourceArticleDocumentId: source.documentId,
    });
    // Who submitted it stays inside the admin.
    expect(published.data).not.toHaveProperty('sourceSubmitterName');

    // In 报送信息 it is among the adopted, with the way to its draft.
    await page.goto(`${server.url}${INCOMING}`);
    await page.getByRole('tab', { name: '已采用' }).click();
    await page
      .getByTestId(`submission-row-${submissionId}`)
      .getByRole('link', { name: '打开本站草稿' })
      .waitFor();
    await page.close();
  });

  it('stops counting as 采用 when the portal takes its copy offline, and both sides see who did it and when', async () => {
    // The trick of issue 25: adopt, publish, then take the copy offline and keep the 采用.
    const unpublished = await adminApi(
      PORTAL_EDITOR,
      'POST',
      `/content-manager/collection-types/api::article.article/${draftDocumentId}/actions/unpublish`,
      {}
    );
    expect(unpublished.status).toBe(200);

    const county = await login(COUNTY_EDITOR);
    await county.goto(`${server.url}${OUTGOING}`);
    await county.getByRole('heading', { name: '我的报送' }).waitFor();
    await county.getByRole('tab', { name: '已采用' }).click();
    const row = county.getByTestId(`submission-row-${submissionId}`);
    const counting = row.getByTestId('submission-counting');
    await counting.getByText('采用稿已下线，不计入采用').waitFor();
    await counting.getByText(/孙磊 撤销发布采用稿$/).waitFor();
    await screenshot(county, 'submissions-outgoing-copy-offline');
    await county.close();

    const portal = await login(PORTAL_EDITOR);
    await portal.goto(`${server.url}${INCOMING}`);
    await portal.getByRole('tab', { name: '已采用' }).click();
    await portal
      .getByTestId(`submission-row-${submissionId}`)
      .getByText('采用稿已下线，不计入采用')
      .waitFor();
    await screenshot(portal, 'submissions-incoming-copy-offline');
    await portal.close();
  });
});

describe('a submission declined', () => {
  const reason = '该信息与门户网站本周已发布的冬季救助报道重复，请报送新的工作动态';

  it("is declined by the portal's editor with a reason that 汉滨区's editor reads in 我的报送", async () => {
    // The demo's submission that waits at the portal (database/seeds/demo-submissions.ts).
    const { body } = await adminApi(
      PORTAL_EDITOR,
      'GET',
      '/governance/submissions/incoming?status=submitted'
    );
    const item = (body.data as Submission[]).find(
      (waiting) => waiting.note === '汉滨区冬季救助开展情况'
    );
    expect(item).toBeDefined();

    const portal = await login(PORTAL_EDITOR);
    await portal.goto(`${server.url}${INCOMING}`);
    const row = portal.getByTestId(`submission-row-${item!.id}`);
    await row.getByRole('button', { name: '退回' }).click();
    const dialog = portal.getByRole('dialog');
    await dialog.getByText(`退回《${item!.title}》`).waitFor();
    // The reason is required: nothing is sent without one.
    expect(await dialog.getByRole('button', { name: '确认退回' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: /退回原因/ }).fill(reason);
    await portal.waitForTimeout(400); // the dialog fades in
    await screenshot(portal, 'submissions-decline-dialog');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await portal.getByText(`已退回《${item!.title}》`).first().waitFor();
    await row.waitFor({ state: 'detached' });
    await portal.close();

    const county = await login(COUNTY_EDITOR);
    await county.goto(`${server.url}${OUTGOING}`);
    await county.getByRole('heading', { name: '我的报送' }).waitFor();
    const declined = county.getByTestId(`submission-row-${item!.id}`);
    await declined.getByText('已退回', { exact: true }).waitFor();
    await declined.getByTestId('decline-reason').getByText(reason, { exact: false }).waitFor();
    await declined.getByText('孙磊 退回', { exact: true }).waitFor();
    await screenshot(county, 'submissions-outgoing');
    await county.close();
  });
});

describe('the province', () => {
  it("cannot adopt for the portal although it leads it: only the receiving site's editors decide", async () => {
    const article = await hanbinArticle(13);
    const sent = await adminApi(COUNTY_EDITOR, 'POST', '/governance/submissions', {
      article: article.documentId,
      target: 'portal',
    });
    expect(sent.status).toBe(201);
    const { id } = sent.body.data as Submission;

    const refused = await adminApi(PROVINCE, 'POST', `/governance/submissions/${id}/adopt`);
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { message: ERRORS.notTargetEditor } },
    });
    expect((await incomingOf(article.documentId))?.status).toBe('submitted');
  });
});

describe('a submission withdrawn', () => {
  it('is withdrawn by the county editor in 我的报送 while the portal has not decided, and kept once its source is deleted', async () => {
    const article = await hanbinArticle(14);
    const sent = await adminApi(COUNTY_EDITOR, 'POST', '/governance/submissions', {
      article: article.documentId,
      target: 'portal',
    });
    expect(sent.status).toBe(201);
    const { id } = sent.body.data as Submission;

    const county = await login(COUNTY_EDITOR);
    await county.goto(`${server.url}${OUTGOING}`);
    const row = county.getByTestId(`submission-row-${id}`);
    await row.getByRole('button', { name: '撤回' }).click();
    await county.getByText('已撤回报送').first().waitFor();
    await row.getByText('已撤回', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: '撤回' }).count()).toBe(0);
    expect(await incomingOf(article.documentId)).toBeUndefined();

    // The list keeps what was sent after the source is deleted, and says so.
    const deleted = await adminApi(
      COUNTY_EDITOR,
      'DELETE',
      `/content-manager/collection-types/api::article.article/${article.documentId}`
    );
    expect(deleted.status).toBe(200);
    await county.reload();
    await row.getByTestId('source-deleted').getByText('原文已删除').waitFor();
    // Nothing to open any more: the title is no longer a link.
    expect(await row.getByRole('link', { name: article.title }).count()).toBe(0);
    await county.close();
  });
});
