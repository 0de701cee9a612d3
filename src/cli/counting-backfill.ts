/**
 * `npm run counting:backfill`: judges the published articles that no publication judged
 * (imported by SQL, restored, or published before the rule existed), as the nightly job does,
 * and prints its progress. Stopped (Ctrl-C), it continues where it was on the next run.
 */
import { createStrapi } from '@strapi/strapi';
import path from 'path';

const appDir = path.resolve(__dirname, '..', '..', '..');

interface Progress {
  phase: 'hash' | 'judge';
  done: number;
  total: number;
}

const PHASES = { hash: '记录文本指纹', judge: '判定是否计入' } as const;

/** One line per percent on a terminal, one per tenth in a log. */
const progressLine = () => {
  let last = '';
  return ({ phase, done, total }: Progress) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const step = process.stdout.isTTY ? percent : Math.floor(percent / 10) * 10;
    const key = `${phase}:${step}`;
    if (key === last) return;
    last = key;
    const line = `  ${PHASES[phase]} ${done.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')}（${percent}%）`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
    else console.log(line);
  };
};

const main = async () => {
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  app.log.level = 'warn';
  const strapi = await app.load();
  try {
    const backfill = strapi.plugin('governance').service('countingBackfill') as {
      runJob(options: { onProgress: (progress: Progress) => void; stop: AbortSignal }): Promise<{
        ran: boolean;
        outcome?: string;
        lostLease?: boolean;
      }>;
    };
    const { judgeFrom } = strapi.config.get('plugin::governance.articles') as { judgeFrom: string };
    console.log(
      `补判未判定的已发布文章：${judgeFrom} 起首次发布的文章判定是否计入发布排名，此前的只记录文本指纹。`
    );
    const stop = new AbortController();
    process.once('SIGINT', () => {
      stop.abort();
      console.log('\n正在停止：本批完成后退出，下次运行从中断处继续。');
    });
    const run = await backfill.runJob({ onProgress: progressLine(), stop: stop.signal });
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (!run.ran) {
      console.log('另一实例正在补判，或补判刚刚结束（租约未到期）：请两分钟后再试。');
      return;
    }
    if (run.outcome?.startsWith('failed:')) throw new Error(run.outcome);
    console.log(stop.signal.aborted ? `已停止：${run.outcome}` : `完成：${run.outcome}`);
  } finally {
    await strapi.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\n补判失败：${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  }
);
