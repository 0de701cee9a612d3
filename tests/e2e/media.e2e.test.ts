/**
 * Images and attachments as the county editor 张敏 meets them: she uploads a photo into 汉滨区's
 * folder of the media library and sees it there, while the public gets 404 for the same address
 * (nothing is online before its article is); she writes an article with the photo as its cover
 * and a named attachment, through the Content Manager's pickers, in Chinese throughout, and no
 * request fails on the way. The demo's 西安 article in review carries a Word attachment: its site
 * leader 刘洋 finds in the review panel what the check read in it, the public cannot fetch it,
 * and a published notice's attachment downloads under its Chinese name.
 */
import type { Knex } from 'knex';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, loginAs, screenshot, tallScreenshot } from '../helpers/browser';
import { openDemoDatabase } from '../helpers/demo-database';
import { startDemoServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let db: Knex;
let editor: Page;
const failed: string[] = [];

const EDITOR = 'ankang-hanbin.editor@demo.example';
const ARTICLES = '/admin/content-manager/collection-types/api::article.article';
const FOLDER = '汉滨区（ankang-hanbin）';

/** The page as the predicate below reads it (the tests compile without the DOM's types). */
type PageWithImages = {
  document: { querySelectorAll(selector: string): ArrayLike<{ naturalWidth: number }> };
};

beforeAll(async () => {
  server = await startDemoServer('e2e-media');
  browser = await launchBrowser();
  db = openDemoDatabase(server);
  editor = await loginAs(browser, server, EDITOR);
  editor.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await server?.stop();
});

/** Into the site's folder, from a media library grid or a picker (`area`). */
const openSiteFolder = async (area: Page | ReturnType<Page['getByRole']>) => {
  // The folder's card (the folder tree names it too, on the library's page).
  await area.getByText(FOLDER.slice(0, 6)).last().dblclick();
};

describe('the media library', () => {
  it('takes an upload into the site’s folder and shows it to its staff, not to the public', async () => {
    await editor.goto(`${server.url}/admin/plugins/upload`);
    await openSiteFolder(editor);
    await editor.getByRole('button', { name: '新建' }).click();
    const chooser = editor.waitForEvent('filechooser');
    await editor.getByRole('menuitem', { name: '上传文件', exact: true }).click();
    await (
      await chooser
    ).setFiles({
      name: '汉滨区春耕现场.png',
      mimeType: 'image/png',
      buffer: await sharp({
        create: { width: 480, height: 320, channels: 3, background: '#4a7c2f' },
      })
        .png()
        .toBuffer(),
    });
    await editor.getByText('上传成功').waitFor();
    const card = editor.locator('main img').first();
    await card.waitFor();
    // Every picture of the folder loaded: the staff's file pass opens files not yet online.
    // A function, not a string: the admin's CSP forbids evaluating strings, which Playwright's
    // polling of a string predicate does once the first try fails.
    await editor.waitForFunction(() =>
      Array.from(
        (globalThis as unknown as PageWithImages).document.querySelectorAll('main img')
      ).every((img) => img.naturalWidth > 0)
    );
    const file = await db('files')
      .where({ name: '汉滨区春耕现场.png' })
      .first('url', 'folder_path');
    expect(file.folder_path).not.toBe('/');
    // The same picture, asked for by anyone else: not online yet.
    const anonymous = await fetch(`${server.url}${file.url}`);
    expect(anonymous.status).toBe(404);
    await screenshot(editor, 'media-library-site-folder');
  });
});

describe('an article with a cover and an attachment', () => {
  it('is written through the pickers, labelled in Chinese, and saved', async () => {
    await editor.goto(`${server.url}${ARTICLES}/create`);
    await editor.locator('input[name="title"]').fill('汉滨区春耕生产进展情况');

    // 封面图片: the picker opens on the library; the photo is in the site's folder.
    await editor.getByText('封面图片').waitFor();
    await editor.getByText('点击添加素材，或拖放一个素材到当前区域').first().click();
    const dialog = editor.getByRole('dialog');
    await openSiteFolder(dialog);
    await dialog.getByRole('checkbox').first().check();
    await screenshot(editor, 'media-picker');
    await dialog.getByRole('button', { name: '完成' }).click();
    await editor.getByText('汉滨区春耕现场.png').first().waitFor();

    // 附件: an entry with its display name and its file.
    await editor.getByText('暂无条目，点击添加。').click();
    await editor.getByRole('textbox', { name: '显示名称' }).fill('春耕物资发放表');
    await editor.getByText('点击添加素材，或拖放一个素材到当前区域').last().click();
    await openSiteFolder(dialog);
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: '完成' }).click();

    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitForURL((url) => !url.pathname.endsWith('/create'));
    const documentId = editor.url().split('/').pop()!.split('?')[0];
    const draft = await db('articles')
      .where({ document_id: documentId })
      .whereNull('published_at')
      .first('id');
    const uses = await db('files_related_mph')
      .where({ related_id: draft.id, related_type: 'api::article.article', field: 'cover' })
      .count({ n: '*' });
    expect(Number(uses[0].n)).toBe(1);
    const attachments = await db('articles_cmps').where({
      entity_id: draft.id,
      field: 'attachments',
    });
    expect(attachments).toHaveLength(1);
    await tallScreenshot(editor, 'edit-view-media', 1800);
    // No English on the way: the pickers and the fields are in Chinese.
    expect(await editor.getByText('Not found').count()).toBe(0);
    expect(await editor.getByText('Add folder').count()).toBe(0);
  });

  it('failed no request on the way', () => {
    expect(failed).toEqual([]);
  });
});

describe('the demo’s attachments', () => {
  const TITLE = '西安市高龄老人养老服务补贴申领指南';

  it('shows 刘洋 what the check found in the attachment of the article waiting for him', async () => {
    const leader = await loginAs(browser, server, 'xian.leader@demo.example');
    const problems: string[] = [];
    leader.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const draft = await db('articles')
      .where({ title: TITLE })
      .whereNull('published_at')
      .first('document_id');
    await leader.goto(`${server.url}${ARTICLES}/${draft.document_id}`);
    const panel = leader.getByTestId('review-panel');
    await panel.getByText('附件“西安市高龄老人养老服务补贴申请表”', { exact: false }).waitFor();
    await panel.getByText('陕西省民政局', { exact: false }).first().waitFor();
    await panel.getByText('建议：陕西省民政厅').waitFor();
    await leader.waitForLoadState('networkidle');
    await tallScreenshot(leader, 'review-panel-attachment-hit', 1400);
    expect(problems).toEqual([]);
    await leader.close();
  });

  it('keeps that attachment from the public, and serves a published notice’s under its name', async () => {
    const [inReview] = await db('files').where({ name: '西安市高龄老人养老服务补贴申请表.docx' });
    expect((await fetch(`${server.url}${inReview.url}`)).status).toBe(404);
    const list = (await (
      await fetch(
        `${server.url}/api/articles?filters[site][code][$eq]=xian&filters[column][$eq]=${encodeURIComponent('通知公告')}&filters[firstPublishedAt][$lt]=2015-01-01T00:00:00%2B08:00&sort=firstPublishedAt:desc&pagination[pageSize]=1`
      )
    ).json()) as { data: Array<{ attachments: Array<{ url: string }> }> };
    const [attachment] = list.data[0].attachments;
    const download = await fetch(`${server.url}${attachment.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(
      encodeURIComponent('城乡低保申请审批表')
    );
  });
});
