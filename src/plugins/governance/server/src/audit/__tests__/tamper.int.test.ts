/**
 * 操作日志 against someone who can write the database but holds neither AUDIT_KEY nor the
 * checkpoint file: an entry changed and every later hash recomputed as the plain SHA-256 chain
 * allowed, the newest entries removed and the head moved back, the oldest removed and the anchor
 * moved, a checkpoint line forged — each is reported with the first entry that differs and how.
 * An honest log verifies; the checkpoints download for provincial admins only.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import { canonical, type ChainedContent } from '../chain';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { AUDIT_ENTRY, AUDIT_HEAD } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const audit = () => app.strapi.plugin('governance').service('audit');
const verify = async () =>
  (await as(province).post('/governance/audit/verify').expect(200)).body.data;
const checkpointFile = () => process.env.AUDIT_CHECKPOINT_FILE as string;

/** Table and column names as Strapi made them. */
const names = (uid: 'plugin::governance.audit-entry' | 'plugin::governance.audit-head') => {
  const meta = app.strapi.db.metadata.get(uid);
  return {
    table: meta.tableName,
    column: (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name,
  };
};

/** A row of the audit table as the test reads it: the chained content and its hash. */
type Entry = ChainedContent & { at: string; hash: string };

// The chain's hash as the code before the key computed it, which anyone can.
const plainHash = (e: Omit<Entry, 'hash'>) =>
  createHash('sha256')
    .update(
      canonical([
        e.seq,
        new Date(e.at).toISOString(),
        e.action,
        e.actorId,
        e.actorName,
        e.subject,
        e.summary,
        e.details ?? null,
        e.ip,
        e.prevHash,
      ])
    )
    .digest('hex');

const entries = async (where: Record<string, unknown> = {}) =>
  (await app.strapi.db.query(AUDIT_ENTRY).findMany({ where, orderBy: { seq: 'asc' } })) as Entry[];
const head = async () => app.strapi.db.query(AUDIT_HEAD).findOne({ where: { name: 'audit' } });

const setHead = async (data: Record<string, unknown>) => {
  const h = names(AUDIT_HEAD);
  await app.strapi.db
    .connection(h.table)
    .where(h.column('name'), 'audit')
    .update(Object.fromEntries(Object.entries(data).map(([k, v]) => [h.column(k), v])));
};

/** Writes `rows`' summary and hashes back as they are (after a forgery: the originals). */
const rewrite = async (rows: Entry[]) => {
  const e = names(AUDIT_ENTRY);
  for (const row of rows) {
    await app.strapi.db
      .connection(e.table)
      .where(e.column('seq'), row.seq)
      .update({
        [e.column('summary')]: row.summary,
        [e.column('prevHash')]: row.prevHash,
        [e.column('hash')]: row.hash,
      });
  }
};

/** `rows` hashed again as the plain SHA-256 chain on from `previous`, as anyone can. */
const plainChain = (rows: Entry[], previous: string) =>
  rows.map((row) => {
    const plain = { ...row, prevHash: previous };
    previous = plainHash(plain);
    return { ...plain, hash: previous };
  });

/** Removes the entries whose seq is `op` `seq`, by SQL behind the application's back. */
const removeBySql = async (op: '=' | '<=' | '>', seq: number) => {
  const e = names(AUDIT_ENTRY);
  await app.strapi.db.connection(e.table).where(e.column('seq'), op, seq).delete();
};

/** Puts removed entries back as they were: their content and hashes. */
const putBack = (rows: Entry[]) =>
  app.strapi.db.query(AUDIT_ENTRY).createMany({
    data: rows.map(
      ({ seq, at, action, actorId, actorName, subject, summary, details, ip, prevHash, hash }) => ({
        seq,
        at: new Date(at),
        action,
        actorId,
        actorName,
        subject,
        summary,
        details,
        ip,
        prevHash,
        hash,
      })
    ),
  });

/**
 * Changes entry `seq`'s summary and recomputes every later hash and the head exactly as the old
 * code would: the plain chain then holds together. Answers the original rows.
 */
const forge = async (seq: number, summary: string) => {
  const originals = await entries({ seq: { $gte: seq } });
  const forged = plainChain(
    originals.map((row) => (row.seq === seq ? { ...row, summary } : row)),
    originals[0].prevHash
  );
  await rewrite(forged);
  await setHead({ hash: forged[forged.length - 1].hash });
  return originals;
};

/** Honest work: `n` entries through the service, as the application writes them. */
const work = async (n: number, label: string) => {
  for (let i = 0; i < n; i += 1)
    await audit().record('account.holder', { summary: `${label} ${i}`, actor: 'system' });
};

beforeAll(async () => {
  app = await startApp('audit-tamper');
  province = await createAdmin(app, 'governance-provincial-admin', '省厅');
  editor = await createAdmin(app, 'governance-site-editor', '编辑');
  await work(10, '正常记录');
});

afterAll(async () => {
  await app?.stop();
});

describe('an honest log', () => {
  it('is anchored from its first entry: the empty chain is signed at the first boot', async () => {
    const lines = fs
      .readFileSync(checkpointFile(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ seq: 0, hash: '0'.repeat(64), keyedFrom: 1 }),
    ]);
    const text = fs.readFileSync(checkpointFile(), 'utf8');
    fs.rmSync(checkpointFile());
    const res = await as(province).get('/governance/audit/checkpoints').expect(404);
    expect(res.body.error.message).toMatch(/^尚未生成校验点/);
    fs.writeFileSync(checkpointFile(), text);
  });

  it('verifies, against its checkpoints', async () => {
    const point = await audit().checkpoint();
    const { seq } = await head();
    expect(point).toMatchObject({ seq, keyedFrom: 1 });
    // Nothing new since: no second line for the same head.
    expect(await audit().checkpoint()).toBeNull();
    expect(await verify()).toEqual({
      ok: true,
      checked: seq,
      firstBroken: null,
      kind: null,
      checkpoints: { valid: 2, latest: { seq, at: point.at }, bad: 0, badLines: [] },
    });
  });

  it('downloads the checkpoints for provincial admins only', async () => {
    const res = await as(province).download('/governance/audit/checkpoints', 'utf8').expect(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="audit-checkpoints-\d{4}-\d{2}-\d{2}\.jsonl"; filename\*=UTF-8''%E6%93%8D%E4%BD%9C%E6%97%A5%E5%BF%97%E6%A0%A1%E9%AA%8C%E7%82%B9-/
    );
    const lines = (res.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ seq: 0 }),
      {
        seq: expect.any(Number),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        keyedFrom: 1,
        at: expect.any(String),
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    await as(editor).get('/governance/audit/checkpoints').expect(403);
  });
});

describe('someone writing the database', () => {
  it('changes an entry and recomputes every later hash and the head as plain SHA-256: reported as changed at that entry', async () => {
    await work(5, '篡改前');
    // Written as a sentence after its actor (系统 here).
    const target = (await entries({ summary: '系统 篡改前 1' }))[0];
    const originals = await forge(target.seq, '篡改后的内容');
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: target.seq,
      kind: 'changed',
      checked: target.seq - 1,
    });
    await rewrite(originals);
    await setHead({ hash: originals[originals.length - 1].hash });
    expect((await verify()).ok).toBe(true);
  });

  it('removes the newest entries and moves the head back: reported as truncated from the first one missing', async () => {
    await work(5, '截断前');
    const point = await audit().checkpoint();
    const removed = await entries({ seq: { $gt: point.seq - 3 } });
    await removeBySql('>', point.seq - 3);
    const kept = (await entries({ seq: point.seq - 3 }))[0];
    await setHead({ seq: kept.seq, hash: kept.hash });
    // The chain in the database holds together: only the checkpoint knows there was more.
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: point.seq - 2,
      kind: 'truncated',
    });

    // The application goes on writing: the numbers fill up again, with entries written after the checkpoint.
    await work(removed.length + 2, '截断后');
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: point.seq - 2,
      kind: 'truncated',
    });
    await removeBySql('>', point.seq - 3);
    await putBack(removed);
    await setHead({ seq: point.seq, hash: point.hash });
    expect((await verify()).ok).toBe(true);
  });

  it.each([
    [
      'changed',
      'an entry edited in place',
      async (seq: number) => {
        const e = names(AUDIT_ENTRY);
        await app.strapi.db
          .connection(e.table)
          .where(e.column('seq'), seq)
          .update({ [e.column('summary')]: '登录成功' });
      },
    ],
    ['removed', 'an entry deleted from the middle', (seq: number) => removeBySql('=', seq)],
  ] as const)('reports %s: %s', async (kind, _what, attack) => {
    const rows = await entries();
    const victim = rows[Math.floor(rows.length / 2)];
    await attack(victim.seq);
    expect(await verify()).toMatchObject({ ok: false, firstBroken: victim.seq, kind });
    await app.strapi.db.query(AUDIT_ENTRY).delete({ where: { seq: victim.seq } });
    await putBack([victim]);
    expect((await verify()).ok).toBe(true);
  });

  it('reports an entry added past the head as inserted', async () => {
    const { seq, hash } = await head();
    const fake = {
      seq: seq + 1,
      at: new Date().toISOString(),
      action: 'login.success',
      actorId: null,
      actorName: '某人',
      subject: null,
      summary: '补记的登录',
      details: null,
      ip: null,
      prevHash: hash,
    };
    await app.strapi.db
      .query(AUDIT_ENTRY)
      .create({ data: { ...fake, at: new Date(fake.at), hash: plainHash(fake) } });
    expect(await verify()).toMatchObject({ ok: false, firstBroken: seq + 1, kind: 'inserted' });
    await app.strapi.db.query(AUDIT_ENTRY).delete({ where: { seq: seq + 1 } });
    expect((await verify()).ok).toBe(true);
  });

  it('removes the oldest entries and moves the anchor as a purge would: reported as removed', async () => {
    const oldest = await entries({ seq: { $lte: 3 } });
    await removeBySql('<=', 3);
    await setHead({ anchorSeq: 3, anchorHash: oldest[2].hash });
    expect(await verify()).toMatchObject({ ok: false, firstBroken: 1, kind: 'removed' });
    await putBack(oldest);
    await setHead({ anchorSeq: null, anchorHash: null });
    expect((await verify()).ok).toBe(true);
  });
});

describe('the checkpoint file', () => {
  it('reports a line whose signature is wrong, by its line number', async () => {
    const text = fs.readFileSync(checkpointFile(), 'utf8');
    const lines = text.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]);
    // Someone "moves the checkpoint back" to match a truncated log: the signature no longer fits.
    fs.appendFileSync(checkpointFile(), `${JSON.stringify({ ...last, seq: last.seq - 2 })}\n`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: null,
      kind: null,
      checkpoints: { valid: lines.length, bad: 1, badLines: [lines.length + 1] },
    });
    fs.writeFileSync(checkpointFile(), text);
    expect((await verify()).ok).toBe(true);
  });

  it('refuses to sign a head that does not follow from the last checkpoint', async () => {
    const { seq, hash } = await head();
    const last = (await entries({ seq }))[0];
    await setHead({ seq: seq - 1, hash: last.prevHash });
    await removeBySql('=', seq);
    await expect(audit().checkpoint()).rejects.toThrow(/does not follow its last checkpoint/);
    await putBack([last]);
    await setHead({ seq, hash });
  });

  it('is appended to after every `checkpoints.every` entries', async () => {
    app.strapi.config.set('plugin::governance.audit.checkpoints.every', 5);
    const lines = () => fs.readFileSync(checkpointFile(), 'utf8').trim().split('\n').length;
    const before = lines();
    await work(10, '批量');
    // Signed after the commit, without holding up the request.
    for (let i = 0; i < 50 && lines() < before + 2; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines()).toBe(before + 2);
    app.strapi.config.set('plugin::governance.audit.checkpoints.every', 1000);
    expect((await verify()).ok).toBe(true);
  });
});

describe('a log from before the key', () => {
  it('keeps its plain hashes, is keyed from its next entry on, and is pinned by a checkpoint at once', async () => {
    // The log as the old code left it: every hash plain SHA-256, no keyed-from mark, no checkpoints.
    fs.rmSync(checkpointFile());
    const rows = plainChain(await entries(), '0'.repeat(64));
    await rewrite(rows);
    const legacyHead = rows[rows.length - 1].seq;
    await setHead({ hash: rows[rows.length - 1].hash, keyedFrom: null });

    await audit().ensureHead();
    expect(await head()).toMatchObject({ seq: legacyHead, keyedFrom: legacyHead + 1 });
    await work(3, '升级后');
    expect(await verify()).toMatchObject({
      ok: true,
      checked: legacyHead + 3,
      checkpoints: { valid: 1, latest: { seq: legacyHead } },
    });

    // The plain entries can still be recomputed, but no longer match the checkpoint.
    const originals = await forge(5, '篡改旧记录');
    expect(await verify()).toMatchObject({ ok: false, kind: 'changed' });
    await rewrite(originals);
    const last = (await entries()).pop() as Entry;
    await setHead({ hash: last.hash });
    expect((await verify()).ok).toBe(true);
  });
});

/** Every entry recomputed as plain SHA-256 from the first, and the head's keyed-from mark set to `keyedFrom`. */
const downgrade = async (keyedFrom: number | null) => {
  const rows = await entries();
  const plain = plainChain(rows, (await head()).anchorHash ?? '0'.repeat(64));
  await rewrite(plain);
  await setHead({ hash: plain[plain.length - 1].hash, keyedFrom });
  return rows;
};

describe('a keyed log rewritten as plain SHA-256, its keyed-from mark moved', () => {
  let originals: Entry[];
  let text: string;
  let keyedFrom: number;
  const restore = async () => {
    await rewrite(originals);
    await setHead({ hash: originals[originals.length - 1].hash, keyedFrom });
    fs.writeFileSync(checkpointFile(), text);
    expect((await verify()).ok).toBe(true);
  };
  beforeEach(async () => {
    originals = await entries();
    text = fs.readFileSync(checkpointFile(), 'utf8');
    keyedFrom = (await head()).keyedFrom;
  });

  it('past the head, with no checkpoint file: reported, and nothing signed for it', async () => {
    const { seq } = await head();
    await downgrade(seq + 5);
    fs.rmSync(checkpointFile());
    expect(await verify()).toMatchObject({ ok: false, firstBroken: 1, kind: 'changed' });
    await expect(audit().checkpoint()).rejects.toThrow(/no checkpoint to build on/);
    expect(fs.existsSync(checkpointFile())).toBe(false);
    await restore();
  });

  it('to just past the head, with no checkpoint file: reported as unanchored; a reboot signs nothing', async () => {
    const { seq } = await head();
    await downgrade(seq + 1);
    fs.rmSync(checkpointFile());
    await audit().ensureHead();
    expect(fs.existsSync(checkpointFile())).toBe(false);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: 1,
      kind: 'unanchored',
      checked: seq,
      checkpoints: { valid: 0 },
    });
    await restore();
  });

  it('to NULL, with no checkpoint file: upgraded and signed (as a database from before the key would be)', async () => {
    // The limit of the upgrade: whoever removes the file as well is trusted, as a log from before the key is.
    const { seq } = await head();
    await downgrade(null);
    fs.rmSync(checkpointFile());
    await audit().ensureHead();
    expect(await head()).toMatchObject({ keyedFrom: seq + 1 });
    expect((await verify()).ok).toBe(true);
    await restore();
  });

  it('to NULL, with the checkpoint file: not upgraded at the next boot, and reported', async () => {
    const { seq } = await head();
    await downgrade(null);
    await audit().ensureHead();
    expect(await head()).toMatchObject({ keyedFrom: null });
    expect(fs.readFileSync(checkpointFile(), 'utf8')).toBe(text);
    expect(await verify()).toMatchObject({ ok: false, kind: 'changed' });
    expect((await verify()).firstBroken).toBeLessThanOrEqual(seq);
    await restore();
  });

  it('past the head, with the checkpoint file: reported as before', async () => {
    const { seq } = await head();
    await downgrade(seq + 1);
    expect(await verify()).toMatchObject({ ok: false, kind: 'changed' });
    await expect(audit().checkpoint()).rejects.toThrow(/keyed from entry/);
    await restore();
  });
});

describe('after a purge from before the anchor was recorded', () => {
  it('removes the oldest entries and moves the anchor past a checkpoint signed within the retention period: reported as removed there', async () => {
    // The newest purge entry as the code before the anchor wrote it: no anchorSeq in its details.
    await audit().record('audit.purge', {
      summary: '清理 180 天前的操作日志 0 条',
      details: { removed: 0, retentionDays: 180 },
      actor: 'system',
    });
    await audit().checkpoint();
    expect((await verify()).ok).toBe(true);

    const signed = fs
      .readFileSync(checkpointFile(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number })
      .map(({ seq }) => seq)
      .filter((seq) => seq > 0);
    const first = Math.min(...signed);
    const oldest = await entries({ seq: { $lte: first } });
    await removeBySql('<=', first);
    await setHead({ anchorSeq: first, anchorHash: oldest[oldest.length - 1].hash });
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: first,
      kind: 'removed',
      checked: 0,
    });
  });
});
