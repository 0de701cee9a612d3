import { createHash, createHmac, hkdfSync } from 'crypto';

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/** What an entry's hash covers: everything it says, and the previous entry's hash. */
export interface ChainedContent {
  seq: number;
  at: string | Date;
  action: string;
  actorId: number | null;
  actorName: string | null;
  subject: string | null;
  summary: string | null;
  details: unknown;
  ip: string | null;
  prevHash: string;
}

/** One line of the checkpoint file: the chain's head at a moment, signed. */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** The first entry hashed with the key (earlier ones are plain SHA-256, from before the key). */
  keyedFrom: number;
  at: string;
  signature: string;
}

/** JSON with its keys in one order, whatever order a database gives them back in. */
export const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

const contentOf = (entry: ChainedContent) =>
  canonical([
    entry.seq,
    new Date(entry.at).toISOString(),
    entry.action,
    entry.actorId,
    entry.actorName,
    entry.subject,
    entry.summary,
    entry.details ?? null,
    entry.ip,
    entry.prevHash,
  ]);

export interface ChainKeys {
  entries: Buffer;
  checkpoints: Buffer;
}

/**
 * Two keys from the one secret (HKDF-SHA256), one per use: an entry's hash can never pass for a
 * checkpoint's signature, nor the other way round.
 */
export const deriveKeys = (secret: string): ChainKeys => ({
  entries: Buffer.from(hkdfSync('sha256', secret, 'governance-audit', 'entries', 32)),
  checkpoints: Buffer.from(hkdfSync('sha256', secret, 'governance-audit', 'checkpoints', 32)),
});

/**
 * An entry's hash: HMAC-SHA256 with the entries' key, so that nobody without the key can write
 * an entry, or recompute the chain after changing one. `key` null: the plain SHA-256 of entries
 * written before the chain had a key.
 */
export const entryHash = (entry: ChainedContent, key: Buffer | null) =>
  (key ? createHmac('sha256', key) : createHash('sha256')).update(contentOf(entry)).digest('hex');

const checkpointContent = (point: Omit<Checkpoint, 'signature'>) =>
  canonical([point.seq, point.hash, point.keyedFrom, point.at]);

export const signCheckpoint = (point: Omit<Checkpoint, 'signature'>, key: Buffer): Checkpoint => ({
  ...point,
  signature: createHmac('sha256', key).update(checkpointContent(point)).digest('hex'),
});

/** A line of the file as a checkpoint, if it is one and its signature is right. */
export const readCheckpoint = (line: string, key: Buffer): Checkpoint | null => {
  let point: Partial<Checkpoint>;
  try {
    point = JSON.parse(line) as Partial<Checkpoint>;
  } catch {
    return null;
  }
  if (
    !point ||
    !Number.isInteger(point.seq) ||
    !Number.isInteger(point.keyedFrom) ||
    typeof point.hash !== 'string' ||
    typeof point.at !== 'string' ||
    typeof point.signature !== 'string'
  ) {
    return null;
  }
  const { seq, hash, keyedFrom, at, signature } = point as Checkpoint;
  return signCheckpoint({ seq, hash, keyedFrom, at }, key).signature === signature
    ? { seq, hash, keyedFrom, at, signature }
    : null;
};
