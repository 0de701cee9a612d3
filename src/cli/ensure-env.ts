/**
 * Writes a git-ignored `.env` with fresh random secrets on the first run, and adds any secret a
 * newer version needs to an existing one. Existing values are never changed: sessions, API
 * tokens and the demo accounts' password stay valid across runs.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';

const appRoot = path.resolve(__dirname, '..', '..', '..');
const envFile = path.join(appRoot, '.env');

const secret = () => randomBytes(24).toString('base64');

/** A demo password that meets the 等保 complexity rule (4 character classes, 16 characters). */
const demoPassword = () => `Demo-${randomBytes(6).toString('hex')}-Aa9`;

// No HOST: config/server.ts chooses it (127.0.0.1 behind a proxy, else 0.0.0.0), and a HOST
// written here would count as the operator's choice.
const defaults: Record<string, () => string> = {
  PORT: () => '1337',
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  ENCRYPTION_KEY: secret,
  JWT_SECRET: secret,
  // Keys the audit log's hashes and checkpoints: it must never change once the log has entries.
  AUDIT_KEY: secret,
  DATABASE_CLIENT: () => 'sqlite',
  DATABASE_FILENAME: () => '.tmp/data.db',
  GROUP_TIMEZONE: () => 'Asia/Shanghai',
  DEMO_ADMIN_PASSWORD: demoPassword,
  STRAPI_TELEMETRY_DISABLED: () => 'true',
};

const parse = (text: string) =>
  new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/)?.[1])
      .filter((key): key is string => Boolean(key))
  );

const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
const present = parse(existing);
const missing = Object.keys(defaults).filter((key) => !present.has(key));

if (missing.length > 0) {
  const lines = missing.map((key) => `${key}=${defaults[key]()}`);
  const prefix = existing === '' || existing.endsWith('\n') ? '' : '\n';
  fs.writeFileSync(envFile, `${existing}${prefix}${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`.env: ${existing ? 'added' : 'created with'} ${missing.join(', ')}`);
} else {
  console.log('.env: complete, nothing changed');
}
