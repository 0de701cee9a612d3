import { spawn } from 'child_process';
import path from 'path';

const READY = '@@ready@@';
const MARKER = '@@second-instance@@';

type Emails = Array<{ to: string; subject: string; text: string }>;

/**
 * A second Strapi instance on the same database, in a child process, booted and waiting: `run`
 * starts `service.method()` of the governance plugin there and answers its result and the
 * e-mails it sent. Boot it first, then run both instances' work at the same moment.
 */
export const bootSecondInstance = (
  service: string,
  method: string,
  /** Calls of another method of the same service while booting, e.g. visits to count. */
  prepare?: { method: string; args: unknown[]; times: number }
) => bootInstance([service, method, ...(prepare ? [JSON.stringify(prepare)] : [])]);

/**
 * The same, running a script on "go": the module `script` (a path) exports
 * `async (strapi, args) => result`, called with `args` (JSON) in the other instance.
 */
export const bootScriptInstance = (script: string, args: unknown) =>
  bootInstance(['--script', script, JSON.stringify(args)]);

const bootInstance = (
  runnerArgs: string[]
): Promise<{ run<T>(): Promise<{ result: T; emails: Emails }> }> =>
  new Promise((resolveBoot, rejectBoot) => {
    const args = [path.join(__dirname, 'second-instance-runner.js'), ...runnerArgs];
    const child = spawn(process.execPath, args, { env: process.env });
    let stdout = '';
    let stderr = '';
    let finish: ((value: { result: unknown; emails: Emails }) => void) | undefined;
    let fail: ((error: Error) => void) | undefined;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes(READY) && !finish) {
        resolveBoot({
          run: <T>() =>
            new Promise<{ result: T; emails: Emails }>((resolve, reject) => {
              finish = resolve as typeof finish;
              fail = reject;
              child.stdin.write('go\n');
            }),
        });
        finish = () => undefined;
      }
    });
    child.on('exit', (code) => {
      const at = stdout.lastIndexOf(MARKER);
      const error = new Error(`second instance failed (${code}): ${stderr || stdout}`);
      if (code !== 0 || at < 0) {
        rejectBoot(error);
        fail?.(error);
      } else {
        finish?.(JSON.parse(stdout.slice(at + MARKER.length)));
      }
    });
  });
