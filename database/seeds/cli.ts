/**
 * `npm run seed:demo`: loads the demo website group (its 2014 year, and its last months repeated
 * up to yesterday) into the database the environment names (SQLite by default), then makes sure
 * the demo accounts exist and prints them.
 */
import { createStrapi } from '@strapi/strapi';
import path from 'path';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './demo-accounts';
import { ensureDemoMessages, ensureWaitingConsultations } from './demo-messages';
import { ensureDemoMedia } from './demo-media';
import { ensureDemoReviews } from './demo-reviews';
import { ensureDemoSubmissions } from './demo-submissions';
import { loadDemo } from './load-demo';

const appDir = path.resolve(__dirname, '..', '..', '..');

const progressLine = () => {
  let lastPercent = -1;
  let lastTenth = -1;
  return (done: number, total: number) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    const line = `  文章 ${done.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')}（${percent}%）`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}`);
    } else if (Math.floor(percent / 10) !== lastTenth) {
      // Without a terminal (CI logs), one line per tenth.
      lastTenth = Math.floor(percent / 10);
      console.log(line);
    }
  };
};

const FIGURE_PHASES: Record<string, string> = {
  articles: '登记文章',
  messages: '登记留言',
  publicationCells: '统计发布数（站点）',
  messageCells: '统计留言数（站点）',
};

/** The kept figures' build: a line per phase and per tenth of it. */
const figuresLine = () => {
  let last = '';
  return ({ phase, done, total }: { phase: string; done: number; total: number }) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (`${phase}:${tenth}` === last) return;
    last = `${phase}:${tenth}`;
    console.log(
      `  ${FIGURE_PHASES[phase] ?? phase} ${done.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')}`
    );
  };
};

const main = async () => {
  // The demo accounts share a password printed on screen: never in a production database.
  if (process.env.NODE_ENV === 'production' && process.env.DEMO_ALLOW_PRODUCTION !== 'true') {
    throw new Error(
      'NODE_ENV is production: the demo (and its accounts with a printed password) is not loaded there. Set DEMO_ALLOW_PRODUCTION=true to insist.'
    );
  }

  // Strapi reads .env while it loads; its migration chatter on a fresh database would bury the progress.
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  app.log.level = 'warn';
  const strapi = await app.load();
  try {
    const password = process.env.DEMO_ADMIN_PASSWORD;
    if (!password)
      throw new Error(
        'DEMO_ADMIN_PASSWORD is not set: run `node dist/src/cli/ensure-env.js` first.'
      );
    const database = strapi.db.dialect.client === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    console.log(`正在向 ${database} 载入演示站群 …`);
    const report = await loadDemo(strapi, appDir, progressLine(), new Date(), figuresLine());
    if (process.stdout.isTTY && report.articles > 0) process.stdout.write('\n');
    const added =
      report.sites +
      report.columns +
      report.articles +
      report.drafts +
      report.messages +
      report.visitDays;
    console.log(
      added === 0
        ? '演示数据已载入过，本次无需再载入。'
        : `演示数据：新增站点 ${report.sites} 个、栏目 ${report.columns} 个、已发布文章 ${report.articles} 篇、草稿 ${report.drafts} 篇、网民留言 ${report.messages} 条、站点访问量 ${report.visitDays} 天，用时 ${report.seconds.toFixed(1)} 秒`
    );
    const created = await ensureDemoAccounts(strapi, password);
    const inReview = await ensureDemoReviews(strapi);
    if (inReview > 0) console.log(`文章审核：演示账号已送审、审核或退回 ${inReview} 篇草稿`);
    const withMedia = await ensureDemoMedia(strapi);
    if (withMedia > 0)
      console.log(
        `图片和附件：西安市 ${withMedia} 篇通知配上图片和附件，经审核后重新发布；送审中的草稿也带有附件`
      );
    const submissions = await ensureDemoSubmissions(strapi);
    if (submissions > 0)
      console.log(
        `信息报送：张敏 报送汉滨区文章 ${submissions} 篇，门户网站 孙磊 采用 1 篇、退回 1 篇`
      );
    const messages = await ensureDemoMessages(strapi);
    if (messages > 0)
      console.log(`网民留言：西安市本周留言 ${messages} 条，由演示账号签收、答复、评价或待办`);
    const waiting = await ensureWaitingConsultations(strapi);
    if (waiting > 0) console.log(`网民留言：${waiting} 条咨询久未答复（95、85、40 天）`);
    const port = strapi.config.get('server.port', 1337);
    console.log(`\n管理后台：http://localhost:${port}/admin（本次新建账号 ${created} 个）`);
    console.log(`所有演示账号的密码：${password}（见 .env 中的 DEMO_ADMIN_PASSWORD）`);
    for (const account of DEMO_ACCOUNTS) {
      console.log(
        `  ${account.role.padEnd(28)} ${account.name.padEnd(4)} ${account.email.padEnd(36)} ${account.site}`
      );
    }
  } finally {
    await strapi.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    // The data goes in as one transaction: a failure there leaves the database as it was.
    console.error(
      `\n演示数据载入失败（数据库保持原样）：${error instanceof Error ? error.stack : error}`
    );
    process.exit(1);
  }
);
