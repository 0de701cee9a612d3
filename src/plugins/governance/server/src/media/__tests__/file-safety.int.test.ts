/**
 * Safe files (media/file-safety.ts): what reaches the media library is judged by its content,
 * through the routes that upload and replace, attacked with files that lie about what they are.
 * A refused file answers a Chinese message and leaves nothing stored.
 */
import fs from 'fs';
import path from 'path';
import JSZip from 'jszip';
import sharp from 'sharp';
import {
  appDir,
  openFile,
  createAdmin,
  startApp,
  type TestAdmin,
  type TestApp,
} from '@test-helpers/strapi';
import { UPLOAD_FILE } from '../../uids';

let app: TestApp;
let root: TestAdmin;

beforeAll(async () => {
  app = await startApp('file-safety');
  root = await createAdmin(app, 'strapi-super-admin', '运维');
});

afterAll(() => app?.stop());

const upload = (name: string, bytes: Buffer, url = '/upload') =>
  app
    .http()
    .post(url)
    .set({ Authorization: `Bearer ${root.token}` })
    .attach('files', bytes, name);

const stored = (name: string) =>
  app.strapi.db.query(UPLOAD_FILE).findMany({ where: { name }, select: ['id', 'url', 'mime'] });

const uploadsDir = path.join(appDir, 'public', 'uploads');
const storedOnDisk = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).length : 0);

/** Refused: 400, the message, and nothing stored (no row, no file on disk). */
const expectRefused = async (name: string, bytes: Buffer, message: RegExp) => {
  const before = storedOnDisk();
  const response = await upload(name, bytes);
  expect(response.status).toBe(400);
  expect(response.body.error.message).toMatch(message);
  expect(response.body.error.message).toContain(name);
  expect(await stored(name)).toEqual([]);
  expect(storedOnDisk()).toBe(before);
};

const photoWithPlace = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({
      IFD0: { Make: '测试相机', Model: 'GPS-1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '34/1 15/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 56/1 0/1',
      },
    })
    .toBuffer();

const docx = async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
};

/** A compound file's signature and a sector of nothing: what .doc, .xls and .wps files begin with. */
const compoundFile = () =>
  Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096 + 504)]);

describe('files the media library refuses, whatever their name', () => {
  it('an HTML page named .pdf', () =>
    expectRefused(
      '关于印发工作方案的通知.pdf',
      Buffer.from(
        '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'
      ),
      /网页代码/
    ));

  it('an SVG image with a script', () =>
    expectRefused(
      '标志.svg',
      Buffer.from(
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
      ),
      /网页代码/
    ));

  it('a GIF that is also a page (a polyglot)', () =>
    expectRefused(
      '图片.gif',
      Buffer.concat([
        Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'),
        Buffer.from('<html><script>alert(1)</script>'),
      ]),
      /网页代码/
    ));

  it('a PNG named .jpg, and a ZIP archive', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await expectRefused('照片.jpg', png, /内容是PNG 图片，与扩展名“\.jpg”不符/);
    const zip = new JSZip();
    zip.file('readme.txt', '说明');
    await expectRefused(
      '材料.zip',
      await zip.generateAsync({ type: 'nodebuffer' }),
      /ZIP 压缩包，不能上传/
    );
  });

  it('a program, and text that is not text', async () => {
    await expectRefused(
      'setup.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000)]),
      /不能上传/
    );
    await expectRefused('说明.txt', Buffer.from([0x41, 0x00, 0x42, 0xff, 0xfe]), /不是纯文本/);
    await expectRefused('说明.txt', Buffer.from('请查收 <script>alert(1)</script>'), /网页代码/);
  });

  it("a file over its kind's limit", async () => {
    const limits = 'plugin::governance.media.sizeLimitsMb';
    const before = app.strapi.config.get(`${limits}.pdf`);
    app.strapi.config.set(`${limits}.pdf`, 0.01);
    try {
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.7\n'),
        Buffer.alloc(20 * 1024, 0x20),
        Buffer.from('\n%%EOF'),
      ]);
      await expectRefused('年度报告.pdf', pdf, /有 20 KB，超过PDF 文档的上限 10 KB/);
    } finally {
      app.strapi.config.set(`${limits}.pdf`, before);
    }
  });
});

describe('files it keeps', () => {
  it('a photo, stored upright without the place it was taken', async () => {
    const photo = await photoWithPlace();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await upload('现场照片.jpg', photo).expect(201);
    const [file] = response.body;
    expect(file).toMatchObject({ name: '现场照片.jpg', mime: 'image/jpeg' });
    const served = await openFile(app, root, file.url);
    expect(served.status).toBe(200);
    const metadata = await sharp(served.body as Buffer).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
  });

  it('documents by their content: Word, a compound file, plain text in GBK', async () => {
    const [word] = (await upload('实施方案.docx', await docx()).expect(201)).body;
    expect(word.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    );
    const [old] = (await upload('旧版通知.doc', compoundFile()).expect(201)).body;
    expect(old.mime).toBe('application/msword');
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]); // 你好，世界
    const [text] = (await upload('说明.txt', gbk).expect(201)).body;
    expect(text.mime).toBe('text/plain; charset=utf-8');
  });
});

describe('replacing a file', () => {
  it('judges the new content the same way, and keeps the old file when it is refused', async () => {
    const [file] = (await upload('办事指南.pdf', Buffer.from('%PDF-1.4\n%%EOF')).expect(201)).body;
    const response = await upload(
      '办事指南.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
      `/upload?id=${file.id}`
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/网页代码/);
    const [kept] = await stored('办事指南.pdf');
    expect(kept.mime).toBe('application/pdf');
    const served = await openFile(app, root, file.url, 'latin1');
    expect(served.status).toBe(200);
    expect(served.body).toContain('%PDF-1.4');
  });
});
