/**
 * 独立用户访问总量 without keeping who visited: a HyperLogLog sketch (Flajolet et al., 2007, with
 * linear counting for small numbers) of keyed hashes of the visitors. It holds, per register, the
 * longest run of zero bits seen — never an address nor a hash — in a fixed 4 KB whatever the
 * number of visitors, and two sketches merge by taking each register's maximum: an instance's and
 * another's, a day's and the next's, add up to the distinct count of both, not the sum.
 *
 * Written here rather than taken from npm: the packages for it (hyperloglog, hyperloglog32,
 * hyperlolo) are years without a release and hash the values themselves, while ours are keyed
 * hashes already (visitor-salts.ts). 2^12 registers: a standard error of 1.6%.
 */
export const SKETCH_PRECISION = 12;
export const SKETCH_REGISTERS = 1 << SKETCH_PRECISION;
/** The bits of the first 64 of a hash left after the register's index. */
const RANK_BITS = 64 - SKETCH_PRECISION;

export type VisitorSketch = Uint8Array;

export const emptySketch = (): VisitorSketch => new Uint8Array(SKETCH_REGISTERS);

/** Adds one visitor by a hash of at least 8 bytes: its first 12 bits pick the register. */
export const addToSketch = (sketch: VisitorSketch, hash: Uint8Array) => {
  const view = new DataView(hash.buffer, hash.byteOffset, 8);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const index = high >>> (32 - SKETCH_PRECISION);
  // The position of the first 1 bit in the 52 bits after the index (1-based), or 53 for none.
  const rest = (high << SKETCH_PRECISION) >>> 0;
  const rank =
    rest !== 0
      ? Math.clz32(rest) + 1
      : Math.min(RANK_BITS + 1, 32 - SKETCH_PRECISION + Math.clz32(low) + 1);
  if (rank > sketch[index]) sketch[index] = rank;
};

/** `into` becomes the union of both. */
export const mergeSketch = (into: VisitorSketch, other: VisitorSketch) => {
  for (let i = 0; i < SKETCH_REGISTERS; i += 1) if (other[i] > into[i]) into[i] = other[i];
  return into;
};

/** How many distinct visitors the sketch has seen, estimated. */
export const estimateSketch = (sketch: VisitorSketch) => {
  const m = SKETCH_REGISTERS;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < m; i += 1) {
    sum += 2 ** -sketch[i];
    if (sketch[i] === 0) zeros += 1;
  }
  const alpha = 0.7213 / (1 + 1.079 / m);
  const raw = (alpha * m * m) / sum;
  // Few visitors leave many registers empty: count by them (linear counting), as the paper does.
  return Math.round(raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw);
};

/** As stored (text: Strapi has no binary attribute). */
export const sketchToText = (sketch: VisitorSketch) => Buffer.from(sketch).toString('base64');

/** A stored sketch, or an empty one for a value that is none (a hand-edited row). */
export const sketchFromText = (text: string | null | undefined): VisitorSketch => {
  const bytes = text ? Buffer.from(text, 'base64') : null;
  return bytes?.length === SKETCH_REGISTERS ? new Uint8Array(bytes) : emptySketch();
};
