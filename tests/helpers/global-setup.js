// Compiles the application once for all integration test files, into its own folder so a
// running demo's dist/ is never touched. A type error stops the run here.
const { execFileSync } = require('child_process');
const path = require('path');

const nameTestRun = require('./test-run');

module.exports = async () => {
  await nameTestRun();
  const appDir = path.join(__dirname, '..', '..');
  const started = Date.now();
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      'tsconfig.json',
      '--outDir',
      '.tmp/test-dist',
      '--incremental',
      'false',
    ],
    { cwd: appDir, stdio: 'inherit' }
  );
  process.stdout.write(`\ncompiled the application for tests in ${Date.now() - started} ms\n`);
};
