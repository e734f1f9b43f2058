// Redis's HyperLogLog hash: MurmurHash64A (endian-neutral, seed 0xadc83b19) over the element
// bytes, done in 32-bit halves so no BigInt is allocated per element, and the register/run
// split of the 64-bit hash (14 index bits, then the length of the 0…01 pattern).

const SEED = 0xadc83b19;
const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;
const B00 = M_LO & 0xffff;
const B16 = M_LO >>> 16;
const B32 = M_HI & 0xffff;
const B48 = M_HI >>> 16;

/**
 * Result of the last step: [high, low] 32 bits of a 64-bit value, as int32. A typed array,
 * not module variables: values past 2^30 in a variable would be boxed on every write.
 */
const r = new Int32Array(2);

/** (hi:lo) * M mod 2^64 by 16-bit limbs (each partial product stays below 2^32, exactly). */
function mulM(hi: number, lo: number): void {
  const a48 = hi >>> 16;
  const a32 = hi & 0xffff;
  const a16 = lo >>> 16;
  const a00 = lo & 0xffff;
  let c00 = a00 * B00;
  let c16 = c00 >>> 16;
  c00 &= 0xffff;
  c16 += a16 * B00;
  let c32 = c16 >>> 16;
  c16 &= 0xffff;
  c16 += a00 * B16;
  c32 += c16 >>> 16;
  c16 &= 0xffff;
  c32 += a32 * B00;
  let c48 = c32 >>> 16;
  c32 &= 0xffff;
  c32 += a16 * B16;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c32 += a00 * B32;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c48 += a48 * B00 + a32 * B16 + a16 * B32 + a00 * B48;
  r[0] = (c48 << 16) | c32;
  r[1] = (c16 << 16) | c00;
}

/** h ^= h >> 47; h *= m; h ^= h >> 47 — the final avalanche, result in r. */
function finish(hi: number, lo: number): void {
  mulM(hi, lo ^ (hi >>> 15));
  r[1] = (r[1] as number) ^ ((r[0] as number) >>> 15);
}

/** One 8-byte block k mixed into h (hi:lo); the new h is left in r. */
function mixBlock(hHi: number, hLo: number, kHi: number, kLo: number): void {
  mulM(kHi, kLo);
  mulM(r[0] as number, (r[1] as number) ^ ((r[0] as number) >>> 15));
  mulM(hHi ^ (r[0] as number), hLo ^ (r[1] as number));
}

/** Initial h = seed ^ (len * m). */
function start(len: number): void {
  mulM(0, len);
  r[1] = (r[1] as number) ^ SEED;
}

/** MurmurHash64A of a latin1 string, left in r. */
function murmurString(s: string): void {
  const len = s.length;
  start(len);
  let hHi = r[0] as number;
  let hLo = r[1] as number;
  const blocks = len - (len & 7);
  let i = 0;
  for (; i < blocks; i += 8) {
    const kLo = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8) | (s.charCodeAt(i + 2) << 16) | (s.charCodeAt(i + 3) << 24);
    const kHi = s.charCodeAt(i + 4) | (s.charCodeAt(i + 5) << 8) | (s.charCodeAt(i + 6) << 16) | (s.charCodeAt(i + 7) << 24);
    mixBlock(hHi, hLo, kHi, kLo);
    hHi = r[0] as number;
    hLo = r[1] as number;
  }
  const rest = len & 7;
  if (rest !== 0) {
    let tLo = 0;
    let tHi = 0;
    for (let j = rest - 1; j >= 0; j--) {
      const b = s.charCodeAt(i + j);
      if (j >= 4) tHi |= b << ((j - 4) * 8);
      else tLo |= b << (j * 8);
    }
    mulM(hHi ^ tHi, hLo ^ tLo);
    hHi = r[0] as number;
    hLo = r[1] as number;
  }
  finish(hHi, hLo);
}

/** MurmurHash64A of 8 bytes given as two little-endian uint32 words (PFSELFTEST's elements). */
function murmurWords(kHi: number, kLo: number): void {
  start(8);
  mixBlock(r[0] as number, r[1] as number, kHi, kLo);
  finish(r[0] as number, r[1] as number);
}

/** MurmurHash64A as Redis seeds it, as an unsigned bigint (tests and tools). */
export function murmurHash64A(s: string): bigint {
  murmurString(s);
  return (BigInt((r[0] as number) >>> 0) << 32n) | BigInt((r[1] as number) >>> 0);
}

/**
 * Register index and run length of the hash left by the last murmur call, packed as
 * index | count << 14: index is the low 14 bits, count is 1 + the number of zero bits
 * above them before the first one (at most 51, when bits 14..63 are all zero).
 */
function patternOfHash(): number {
  const hHi = r[0] as number;
  const hLo = r[1] as number;
  const index = hLo & 0x3fff;
  const lo = (hLo >>> 14) | (hHi << 18);
  const hi = (hHi >>> 14) | (1 << 18);
  const zeros = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + 31 - Math.clz32(hi & -hi);
  return index | ((zeros + 1) << 14);
}

/** Register and count for an element, packed as index | count << 14. */
export function hllPattern(element: string): number {
  murmurString(element);
  return patternOfHash();
}

/** hllPattern for an 8-byte element given as little-endian words. */
export function hllPatternWords(kHi: number, kLo: number): number {
  murmurWords(kHi, kLo);
  return patternOfHash();
}
