/**
 * 校验完整性 on a long log does not hold the server: better-sqlite3 answers synchronously, so a walk
 * over the chain that never gives way keeps every other request waiting until it ends. Here a
 * request for /_health, sent while the verify of 20,000 entries runs, is answered before it ends.
 */
import { deriveKeys, entryHash, GENESIS } from '../chain';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { AUDIT_ENTRY, AUDIT_HEAD } from '../../uids';

const LENGTH = 20_000;

let app: TestApp;
let province: TestAdmin;

const names = (uid: typeof AUDIT_ENTRY | typeof AUDIT_HEAD) => {
  const meta = app.strapi.db.metadata.get(uid);
  return {
    table: meta.tableName,
    column: (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name,
  };
};

/** `LENGTH` keyed entries after the head, inserted by SQL as fast as it goes, and the head moved to the last. */
const longChain = async () => {
  const key = deriveKeys(process.env.AUDIT_KEY as string).entries;
  const e = names(AUDIT_ENTRY);
  const h = names(AUDIT_HEAD);
  const head = await app.strapi.db.query(AUDIT_HEAD).findOne({ where: { name: 'audit' } });
  let previous: string = head.hash ?? GENESIS;
  const start = Date.now() - LENGTH * 1000;
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 1; i <= LENGTH; i += 1) {
    const entry = {
      seq: head.seq + i,
      at: new Date(start + i * 1000).toISOString(),
      action: 'login.success',
      actorId: null,
      actorName: `人员 ${i % 50}`,
      subject: `user${i % 50}@example.gov.cn`,
      summary: '登录成功',
      details: null,
      ip: '198.51.100.7',
      prevHash: previous,
    };
    previous = entryHash(entry, key);
    rows.push(
      Object.fromEntries(
        Object.entries({ ...entry, at: new Date(entry.at), hash: previous }).map(
          ([name, value]) => [e.column(name), value]
        )
      )
    );
  }
  await app.strapi.db.connection.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx(e.table).insert(rows.slice(i, i + 500));
  });
  await app.strapi.db
    .connection(h.table)
    .where(h.column('name'), 'audit')
    .update({ [h.column('seq')]: head.seq + LENGTH, [h.column('hash')]: previous });
};

beforeAll(async () => {
  app = await startApp('audit-verify-yield');
  province = await createAdmin(app, 'governance-provincial-admin', '省厅');
  await longChain();
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

it('answers another request while the verify of a long log runs', async () => {
  let verified = 0;
  const verifying = asAdmin(app, province)
    .post('/governance/audit/verify')
    .then((res) => {
      verified = Date.now();
      return res;
    });
  // Once the verify is under way (a timer fires only when the event loop is free).
  await new Promise((resolve) => setTimeout(resolve, 20));
  await app.http().get('/_health').expect(204);
  const verifyingStill = verified === 0;
  const res = await verifying;
  expect(res.body.data).toMatchObject({ ok: true, firstBroken: null });
  expect(res.body.data.checked).toBeGreaterThanOrEqual(LENGTH);
  expect(verifyingStill).toBe(true);
}, 60_000);
