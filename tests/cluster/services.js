/**
 * The cluster test's own services, all under one temporary folder and on free ports, so that
 * the machine's shared PostgreSQL (5432) and Redis (6379) are never touched: a PostgreSQL cluster
 * of its own (initdb as the `postgres` user), a redis-server, and Debian's nginx with a
 * configuration of its own. Each `stop` is safe to call twice and after a failed start.
 */
const { execFile, execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const listening = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const waitForPort = async (port, what, ms, alive = () => true) => {
  const deadline = Date.now() + ms;
  while (!(await listening(port))) {
    if (!alive()) throw new Error(`${what} exited before listening on ${port}`);
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port} within ${ms} ms`);
    await sleep(100);
  }
};

const tail = (file, lines = 30) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

/** The newest PostgreSQL's binaries of Debian's layout (/usr/lib/postgresql/<version>/bin). */
const postgresBin = () => {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    : [];
  if (versions.length === 0)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)'
    );
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(root, versions[0], 'bin');
};

/** Runs a PostgreSQL program as `postgres` when we are root (initdb and the server refuse root). */
const asPostgres = (program, args) =>
  new Promise((resolve, reject) => {
    const bin = path.join(postgresBin(), program);
    const asRoot = process.getuid?.() === 0;
    execFile(
      asRoot ? 'runuser' : bin,
      asRoot ? ['-u', 'postgres', '--', bin, ...args] : args,
      { timeout: 90_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${program} failed: ${error.message}\n${stderr}`))
          : resolve(stdout)
    );
  });

/** A private PostgreSQL cluster in `dir/pg`, its socket in `dir/pgsock`, trust authentication. */
const startPostgres = async (dir) => {
  const data = path.join(dir, 'pg');
  const sockets = path.join(dir, 'pgsock');
  const log = path.join(dir, 'postgres.log');
  for (const folder of [data, sockets]) fs.mkdirSync(folder, { mode: 0o700 });
  fs.writeFileSync(log, '');
  if (process.getuid?.() === 0) {
    for (const file of [data, sockets, log]) execFileSync('chown', ['postgres:postgres', file]);
  }
  const port = await freePort();
  await asPostgres('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  // fsync off: the test restarts the server cleanly (-m fast), it never crashes the machine.
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`;
  const pgctl = (...args) =>
    asPostgres('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', ...args]);
  await pgctl('-o', options, 'start');
  return {
    port,
    log,
    /** The fault: a fast restart (open connections are cut, the server is back within seconds). */
    restart: () => pgctl('-m', 'fast', 'restart'),
    async stop() {
      if (!fs.existsSync(path.join(data, 'postmaster.pid'))) return;
      try {
        await pgctl('-m', 'immediate', 'stop');
      } catch {
        // pg_ctl failed: end the postmaster by its pid, as a last resort.
        this.killSync();
      }
    },
    /** For the exit handler, synchronous: pg_ctl, else SIGQUIT (immediate shutdown) by pid. */
    killSync() {
      if (!fs.existsSync(path.join(data, 'postmaster.pid'))) return;
      const bin = path.join(postgresBin(), 'pg_ctl');
      const args = ['-D', data, '-m', 'immediate', '-w', '-t', '20', 'stop'];
      try {
        if (process.getuid?.() === 0)
          execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], {
            stdio: 'ignore',
            timeout: 30_000,
          });
        else execFileSync(bin, args, { stdio: 'ignore', timeout: 30_000 });
      } catch {
        try {
          const pid = Number(
            fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]
          );
          if (pid > 0) process.kill(pid, 'SIGQUIT');
        } catch {
          // Not running.
        }
      }
    },
  };
};

/** A private redis-server on a free port, no persistence. `stop` is the fault's "shutdown nosave". */
const startRedis = async (dir) => {
  const port = await freePort();
  const log = path.join(dir, 'redis.log');
  let child = null;
  const start = async () => {
    const out = fs.openSync(log, 'a');
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      {
        stdio: ['ignore', out, out],
      }
    );
    fs.closeSync(out);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.exited = exited;
    await waitForPort(port, 'redis-server', 10_000, () => child.exitCode === null);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    /** `redis-cli shutdown nosave`, then waits for the server to be gone. */
    async shutdown() {
      if (!child || child.exitCode !== null) return;
      try {
        execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'shutdown', 'nosave'], {
          stdio: 'pipe',
          timeout: 10_000,
        });
      } catch {
        // redis-cli reports the dropped connection as an error: the server is going away.
      }
      await Promise.race([child.exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    async stop() {
      if (child && child.exitCode === null) {
        child.kill('SIGKILL');
        await child.exited;
      }
    },
    killSync() {
      if (child && child.exitCode === null) child.kill('SIGKILL');
    },
  };
};

/**
 * Debian's nginx in front of `upstreamPorts`, round robin, as the README's operations section
 * describes: X-Forwarded-For appended (SERVER_PROXY=true on the instances), and X-Upstream on
 * every answer so the load knows which instance answered.
 */
const startNginx = async (dir, upstreamPorts) => {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) =>
    fs.existsSync(candidate)
  );
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx-light)');
  const home = path.join(dir, 'nginx');
  fs.mkdirSync(home);
  // Its workers may run as nobody: they read and write only here.
  fs.chmodSync(home, 0o777);
  const port = await freePort();
  const conf = path.join(home, 'nginx.conf');
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p};`).join('\n');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${home}/nginx.pid;
error_log ${home}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${home}/client_body;
  proxy_temp_path ${home}/proxy;
  fastcgi_temp_path ${home}/fastcgi;
  uwsgi_temp_path ${home}/uwsgi;
  scgi_temp_path ${home}/scgi;
  upstream strapi {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://strapi;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # nginx's default, written out: try the next instance when one refuses the connection or
      # times out; a POST already sent is never sent again (non_idempotent is not set).
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`
  );
  const log = path.join(home, 'error.log');
  const child = spawn(binary, ['-p', home, '-c', conf, '-e', log], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitForPort(port, `nginx (${tail(log)})`, 10_000, () => child.exitCode === null);
  return {
    port,
    log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    killSync() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
};

module.exports = {
  freePort,
  listening,
  sleep,
  startNginx,
  startPostgres,
  startRedis,
  tail,
  waitForPort,
};
