/**
 * `npm run seed:demo`: loads the 2014 demo website group into the database the environment
 * names (SQLite by default), then makes sure the demo accounts exist and prints them.
 */
import { createStrapi } from '@strapi/strapi';
import path from 'path';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './demo-accounts';
import { moveDemoDatesToNow } from './demo-dates';
import { ensureDemoMessages } from './demo-messages';
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
    const line = `  文章 articles ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${percent}%)`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}`);
    } else if (Math.floor(percent / 10) !== lastTenth) {
      // Without a terminal (CI logs), one line per tenth.
      lastTenth = Math.floor(percent / 10);
      console.log(line);
    }
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
    console.log(`Loading the demo website group into ${strapi.db.dialect.client} …`);
    const report = await loadDemo(strapi, appDir, progressLine());
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(
      `Demo data: ${report.sites} sites, ${report.columns} columns, ${report.articles} published articles, ${report.drafts} drafts and ` +
        `${report.messages} citizen messages and ${report.visitDays} site-days of visits added in ${report.seconds.toFixed(1)} s` +
        (report.sites +
          report.columns +
          report.articles +
          report.drafts +
          report.messages +
          report.visitDays ===
        0
          ? ' (already loaded: nothing to do)'
          : '')
    );
    const created = await ensureDemoAccounts(strapi, password);
    const inReview = await ensureDemoReviews(strapi);
    if (inReview > 0)
      console.log(
        `Review workflow: ${inReview} demo drafts submitted, approved or sent back by the demo accounts`
      );
    const submissions = await ensureDemoSubmissions(strapi);
    if (submissions > 0)
      console.log(
        `信息报送: ${submissions} 汉滨区 articles submitted upward by 张敏, one adopted and one declined by the portal's 孙磊`
      );
    const messages = await ensureDemoMessages(strapi);
    if (messages > 0)
      console.log(
        `Citizen messages: ${messages} of this week for 西安, signed, replied, rated or waiting, by the demo accounts`
      );
    if (process.argv.includes('--dates-now')) {
      const moved = await moveDemoDatesToNow(strapi);
      console.log(
        `Dates moved to now: 31 December 2014 is yesterday (${moved.days} more day(s): ${moved.articles} article rows, ${moved.messages} messages; ${moved.waiting} waiting consultations added)`
      );
    }
    const port = strapi.config.get('server.port', 1337);
    console.log(`\nAdmin: http://localhost:${port}/admin  (${created} account(s) created now)`);
    console.log(`Password of every demo account: ${password}  (from .env, DEMO_ADMIN_PASSWORD)`);
    for (const account of DEMO_ACCOUNTS) {
      console.log(
        `  ${account.role.padEnd(28)} ${account.name.padEnd(4)} ${account.email.padEnd(36)} site ${account.site}`
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
    console.error(`\nDemo load failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  }
);
