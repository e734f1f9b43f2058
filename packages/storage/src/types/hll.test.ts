// The HLL byte logic reproduces Redis 7.0.15: MurmurHash64A (against a BigInt model), sparse
// edits and promotion, sparse and dense agreeing on every count, the exact bytes and counts
// the real redis-server produced, and corrupt opcodes being refused.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HLL_DENSE, HLL_DENSE_SIZE, HLL_SPARSE, HllBytes, isHllString, mergeRegisters, sparseToDense } from './hll.js';
import { countHll, countRegisters, decodeSparse, denseRegisters } from './hll-count.js';
import { murmurHash64A } from './hll-hash.js';
import { hllAdd, sparseSet } from './hll-sparse.js';
import { hllSelfTest } from './hll-selftest.js';

const MASK = (1n << 64n) - 1n;
const M = 0xc6a4a7935bd1e995n;

/** A literal BigInt MurmurHash64A with Redis's seed, the model for the 32-bit-halves version. */
function murmurModel(s: string): bigint {
  const len = s.length;
  let h = (0xadc83b19n ^ ((BigInt(len) * M) & MASK)) & MASK;
  const blocks = len - (len & 7);
  for (let i = 0; i < blocks; i += 8) {
    let k = 0n;
    for (let j = 7; j >= 0; j--) k = (k << 8n) | BigInt(s.charCodeAt(i + j));
    k = (k * M) & MASK;
    k ^= k >> 47n;
    k = (k * M) & MASK;
    h ^= k;
    h = (h * M) & MASK;
  }
  const rest = len & 7;
  if (rest !== 0) {
    for (let j = rest - 1; j >= 0; j--) h ^= BigInt(s.charCodeAt(blocks + j)) << BigInt(8 * j);
    h = (h * M) & MASK;
  }
  h ^= h >> 47n;
  h = (h * M) & MASK;
  h ^= h >> 47n;
  return h;
}

const latin1 = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }).map((b) => String.fromCharCode(...b));
const sha256 = (s: string): string => createHash('sha256').update(Buffer.from(s, 'latin1')).digest('hex');

function addAll(h: HllBytes, elements: readonly string[], maxBytes = 3000): number {
  let changed = 0;
  for (const e of elements) changed += hllAdd(h, e, maxBytes);
  return changed;
}

function emptyDense(): HllBytes {
  const h = HllBytes.create();
  sparseToDense(h);
  return h;
}

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

describe('MurmurHash64A', () => {
  it('equals a BigInt model of the algorithm for any bytes and length', () => {
    fc.assert(fc.property(latin1, (s) => murmurHash64A(s) === murmurModel(s)), { numRuns: 500 });
    expect(murmurHash64A('')).toBe(murmurModel(''));
  });
});

describe('HLL encodings', () => {
  it('sparse and dense give the same registers and count for the same elements', () => {
    fc.assert(
      fc.property(fc.array(latin1, { maxLength: 300 }), (elements) => {
        const sparse = HllBytes.create();
        const dense = emptyDense();
        expect(addAll(sparse, elements, 1 << 30) > 0).toBe(addAll(dense, elements) > 0);
        expect(sparse.encoding).toBe(HLL_SPARSE);
        expect(countHll(sparse)).toBe(countHll(dense));
        expect(sparseToDense(sparse)).toBe(true);
        expect(denseRegisters(sparse)).toEqual(denseRegisters(dense));
      }),
      { numRuns: 60 },
    );
  });

  it('promotes a sparse HLL to dense when it would pass hll-sparse-max-bytes', () => {
    const h = HllBytes.create();
    addAll(h, range(40, (i) => `e${i}`), 60);
    expect(h.encoding).toBe(HLL_DENSE);
    expect(h.len).toBe(HLL_DENSE_SIZE);
    const sparse = HllBytes.create();
    addAll(sparse, range(40, (i) => `e${i}`));
    expect(sparse.encoding).toBe(HLL_SPARSE);
    expect(countHll(h)).toBe(countHll(sparse));
  });

  it('promotes to dense for a run length above 32, which sparse VAL opcodes cannot hold', () => {
    const h = HllBytes.create();
    expect(sparseSet(h, 5, 33, 3000)).toBe(1);
    expect(h.encoding).toBe(HLL_DENSE);
    expect(denseRegisters(h).slice(4, 7)).toEqual([0, 33, 0]);
    const s = HllBytes.create();
    expect(sparseSet(s, 5, 32, 3000)).toBe(1);
    expect(decodeSparse(s)).toBe('z:5 v:32,1 Z:16378');
    expect(sparseSet(s, 6, 32, 3000)).toBe(1);
    expect(decodeSparse(s)).toBe('z:5 v:32,2 Z:16377');
    expect(sparseSet(s, 6, 31, 3000)).toBe(0);
  });

  it('a fresh HLL is one XZERO over 16384 registers with a valid zero cache', () => {
    const h = HllBytes.create();
    expect(h.toString()).toBe('HYLL\x01\0\0\0\0\0\0\0\0\0\0\0\x7f\xff');
    expect(decodeSparse(h)).toBe('Z:16384');
    expect(countHll(h)).toBe(0);
  });
});

// Expected values below were produced by the real redis-server 7.0.15 (port 7980) with
// PFADD/GET/PFCOUNT/PFMERGE on the same elements, in batches of 100.
describe('bytes and counts as Redis 7.0.15 produces them', () => {
  it('PFADD a b c foo bar gives these exact sparse bytes', () => {
    const h = HllBytes.create();
    expect(addAll(h, ['a', 'b', 'c', 'foo', 'bar'])).toBe(5);
    h.invalidateCache();
    expect(Buffer.from(h.toString(), 'latin1').toString('hex')).toBe('48594c4c0100000000000000000000805cb390443e804621804a8e844bfb80425a');
    expect(decodeSparse(h)).toBe('Z:7348 v:5,1 Z:1087 v:1,1 Z:1570 v:1,1 Z:2703 v:2,1 Z:3068 v:1,1 Z:603');
    expect(countHll(h)).toBe(5);
  });

  it('1000 elements stay sparse with Redis bytes and count 999; 100000 go dense with count 98893', () => {
    const small = HllBytes.create();
    const big = HllBytes.create();
    addAll(small, range(1000, (i) => `el:${i}`));
    addAll(big, range(100000, (i) => `el:${i}`));
    for (const h of [small, big]) h.invalidateCache();
    expect([small.encoding, small.len]).toEqual([HLL_SPARSE, 1892]);
    expect(sha256(small.toString())).toBe('a18a0f485230f4b2868d77a230ac57813a1b8d9b2c0abe55c75c29d14869ba17');
    expect(countHll(small)).toBe(999);
    expect([big.encoding, big.len]).toEqual([HLL_DENSE, 12304]);
    expect(sha256(big.toString())).toBe('df7f9fda0c79c41ed50daf347e935954f9c021795998c59384e638ddfc94096d');
    expect(countHll(big)).toBe(98893);
    big.setCachedCardinality(98893);
    expect(sha256(big.toString())).toBe('7fbc065660fb4fe90184acc9e6e4eba659132c1b9d867d495177311056ba34fa');
    const five = HllBytes.create();
    addAll(five, ['a', 'b', 'c', 'foo', 'bar']);
    const max = new Uint8Array(16384);
    for (const h of [small, big, five]) expect(mergeRegisters(max, h.toString())).toBe(true);
    expect(countRegisters(max)).toBe(98895);
  });

  it('estimates small cardinalities as Redis does', () => {
    const counts = [1, 2, 3, 10, 50, 100, 500, 2000, 5000, 20000].map((n) => {
      const h = HllBytes.create();
      addAll(h, range(n, (i) => `x${i}`));
      return countHll(h);
    });
    expect(counts).toEqual([1, 2, 3, 10, 50, 99, 499, 1990, 4970, 19985]);
  });
});

describe('HLL validity', () => {
  const sparse = (body: number[]): string => `HYLL\x01\0\0\0\0\0\0\0\0\0\0\x80${String.fromCharCode(...body)}`;

  it('checks the header: length, magic, encoding, exact dense size', () => {
    expect(isHllString(HllBytes.create().toString())).toBe(true);
    expect(isHllString('HYLL\x01\0\0\0\0\0\0\0\0\0\0')).toBe(false);
    expect(isHllString(sparse([0x7f, 0xff]).replace('HYLL', 'HYLX'))).toBe(false);
    expect(isHllString(sparse([0x7f, 0xff]).replace('\x01', '\x02'))).toBe(false);
    expect(isHllString(sparse([0x7f, 0xff]).replace('\x01', '\x00'))).toBe(false);
    expect(isHllString(emptyDense().toString())).toBe(true);
  });

  it('refuses opcodes covering more or fewer than 16384 registers, trailing VALs included', () => {
    for (const body of [[0x7f, 0xfe], [0x7f, 0xff, 0x00], [0x7f, 0xff, 0x80], [0x7f, 0xfe, 0x81]]) {
      const h = HllBytes.from(sparse(body));
      expect(countHll(HllBytes.from(sparse(body)))).toBe(-1);
      expect(mergeRegisters(new Uint8Array(16384), sparse(body))).toBe(false);
      expect(sparseToDense(h)).toBe(false);
      expect(h.encoding).toBe(HLL_SPARSE);
    }
  });

  it('an XZERO cut off at the end reads a zero second byte, as after an sds string', () => {
    const h = HllBytes.from(sparse([0x7f, 0xfe, 0x40]));
    expect(countHll(h)).toBe(0);
    expect(sparseToDense(h)).toBe(true);
  });

  it('adding into a sparse HLL with no opcode for the register fails', () => {
    const h = HllBytes.from(sparse([0x00]));
    expect(hllAdd(h, 'a', 3000)).toBe(-1);
  });
});

describe('self test', () => {
  it('passes with reduced sizes, checking sparse/dense agreement and the error bound', () => {
    let seed = 1;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    expect(hllSelfTest(rand, 3000, { cycles: 5, elements: 100_000 })).toBeNull();
  });
});
