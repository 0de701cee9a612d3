import fs from 'fs';
import path from 'path';
import readline from 'readline';
import { readCheckpoint, type Checkpoint } from './chain';

/** The tail read to find the newest line: a checkpoint line is about 250 bytes. */
const TAIL_BYTES = 4096;

/**
 * Appends one checkpoint as a line of JSON: opened O_APPEND (the system puts each write at the
 * end, whoever else appends) and fsynced before the answer, so a checkpoint reported is on disk.
 * A line a crash cut short gets its own line ended first, so only that one is unreadable.
 */
export const appendCheckpoint = async (file: string, point: Checkpoint) => {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const { O_RDWR, O_APPEND, O_CREAT } = fs.constants;
  const handle = await fs.promises.open(file, O_RDWR | O_APPEND | O_CREAT, 0o640);
  try {
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    const prefix = size > 0 && last.toString() !== '\n' ? '\n' : '';
    await handle.write(`${prefix}${JSON.stringify(point)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** The newest line that is a well-signed checkpoint, from the file's tail (none: null). */
export const newestCheckpoint = async (file: string, key: Buffer): Promise<Checkpoint | null> => {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    const lines = tail
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (let i = lines.length - 1; i >= 0; i -= 1) {
      const point = readCheckpoint(lines[i], key);
      if (point) return point;
    }
    return null;
  } finally {
    await handle.close();
  }
};

export interface CheckpointsRead {
  /** Well-signed checkpoints by entry number (the first line for a number wins). */
  bySeq: Map<number, Checkpoint>;
  latest: Checkpoint | null;
  /** How many lines are not a well-signed checkpoint, and the first of them (numbered from 1). */
  bad: number;
  badLines: number[];
}

/** Bad lines named one by one; a file signed with another key would otherwise name every line. */
const BAD_LINES_NAMED = 20;

/** Every line of the file, streamed: years of checkpoints do not sit in one string. */
export const readCheckpoints = async (file: string, key: Buffer): Promise<CheckpointsRead> => {
  const read: CheckpointsRead = { bySeq: new Map(), latest: null, bad: 0, badLines: [] };
  if (!fs.existsSync(file)) return read;
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    const point = readCheckpoint(line, key);
    if (!point) {
      read.bad += 1;
      if (read.badLines.length < BAD_LINES_NAMED) read.badLines.push(number);
      continue;
    }
    if (!read.bySeq.has(point.seq)) read.bySeq.set(point.seq, point);
    if (!read.latest || point.seq > read.latest.seq) read.latest = point;
  }
  return read;
};
