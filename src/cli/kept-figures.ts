/**
 * `npm run stats:rebuild` and `npm run stats:check`: the kept figures (publications and messages
 * per site, column and day, which the pages read) recomputed from the archive, or compared with
 * a recount of it, with a progress line. For imports by SQL and restored backups; safe while the
 * server runs (short transactions, each taking the same lock as a publication). Stopped (Ctrl-C),
 * a rebuild can simply be run again.
 */
import { createStrapi } from '@strapi/strapi';
import path from 'path';
import type {
  KeptPhase,
  KeptProgress as Progress,
  KeptReport as Report,
} from '../plugins/governance/shared/contracts/kept-figures';

const appDir = path.resolve(__dirname, '..', '..', '..');

const PHASES: Record<KeptPhase, string> = {
  articles: '核对文章',
  articleEntries: '核对文章计数登记',
  messages: '核对留言',
  messageEntries: '核对留言计数登记',
  publicationCells: '核对发布数（站点）',
  messageCells: '核对留言数（站点）',
  articleBlocks: '核对文章总数',
};

/** One line per percent on a terminal, one per tenth in a log. */
const progressLine = () => {
  let last = '';
  return ({ phase, done, total }: Progress) => {
    const percent = total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
    const step = process.stdout.isTTY ? percent : Math.floor(percent / 10) * 10;
    const key = `${phase}:${step}`;
    if (key === last) return;
    if (process.stdout.isTTY && last && !last.startsWith(`${phase}:`)) process.stdout.write('\n');
    last = key;
    // Articles and messages go by position in their ids (a count would read the archive);
    // cells by site.
    const sites = phase === 'publicationCells' || phase === 'messageCells';
    const line = sites
      ? `  ${PHASES[phase]} ${done.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')} 个站点（${percent}%）`
      : `  ${PHASES[phase]} ${percent}%`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
    else console.log(line);
  };
};

const main = async () => {
  const mode = process.argv[2];
  if (mode !== 'rebuild' && mode !== 'check')
    throw new Error('用法：node dist/src/cli/kept-figures.js rebuild|check');
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  app.log.level = 'warn';
  const strapi = await app.load();
  try {
    const kept = strapi.plugin('governance').service('keptFigures') as {
      rebuild(options: object): Promise<Report>;
      runCheck(options: object): Promise<{ ran: boolean; outcome?: string; report?: Report }>;
    };
    const stop = new AbortController();
    process.once('SIGINT', () => {
      stop.abort();
      console.log('\n正在停止：本批完成后退出。');
    });
    const onProgress = progressLine();
    let report: Report | undefined;
    if (mode === 'rebuild') {
      console.log('从文章和留言重新统计各站点的发布数和留言数（统计页面读取的数字）：');
      report = await kept.rebuild({ onProgress, signal: stop.signal });
    } else {
      console.log('核对统计数字与文章、留言的实际情况（不做修改）：');
      const run = await kept.runCheck({ onProgress, stop: stop.signal });
      if (!run.ran) {
        console.log('另一实例正在核对，或核对刚刚结束：请稍后再试。');
        return 0;
      }
      report = run.report;
    }
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (!report) throw new Error('核对未完成：见服务器日志');
    const total = report.articles + report.messages + report.cells;
    if (report.stopped) console.log('已停止，未完成。');
    if (mode === 'rebuild')
      console.log(
        total === 0
          ? '完成：统计数字与实际一致，无需修正。'
          : `完成：修正文章登记 ${report.articles} 篇、留言登记 ${report.messages} 条、统计格 ${report.cells} 个。`
      );
    else if (total === 0) console.log('一致：统计数字与文章、留言的实际情况相符。');
    else {
      console.log(
        `不一致：文章 ${report.articles} 篇、留言 ${report.messages} 条、统计格 ${report.cells} 个与实际不符。请运行 npm run stats:rebuild 修正。`
      );
      for (const sample of report.samples) console.log(`  ${sample}`);
    }
    return mode === 'check' && total > 0 ? 2 : 0;
  } finally {
    await strapi.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`\n失败：${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  }
);
