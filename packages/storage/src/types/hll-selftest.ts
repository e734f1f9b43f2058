// PFSELFTEST's checks, as Redis runs them: dense register round trips under random values,
// then 10 million distinct 8-byte elements added to a dense and a sparse HLL whose estimates
// must agree and stay within six standard errors at every power of ten.

import { getDenseRegister, HLL_DENSE_SIZE, HLL_HDR_SIZE, HLL_REGISTERS, HLL_SPARSE, HllBytes, denseSet, setDenseRegister } from './hll.js';
import { countHll } from './hll-count.js';
import { hllPatternWords } from './hll-hash.js';
import { sparseSet } from './hll-sparse.js';

/** Redis's sizes: register round trips repeated 1000 times, 10 million elements. */
const REDIS_SIZES = { cycles: 1000, elements: 10_000_000 };

/** Runs the self test; null when it passes, else Redis's TESTFAILED error text. */
export function hllSelfTest(rand31: () => number, sparseMaxBytes: number, sizes = REDIS_SIZES): string | null {
  const { cycles, elements } = sizes;
  const dense = HllBytes.create();
  dense.replace(new Uint8Array(HLL_DENSE_SIZE + 1), HLL_DENSE_SIZE);
  const regs = dense.b;
  const expected = new Uint8Array(HLL_REGISTERS);
  for (let c = 0; c < cycles; c++) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const r = rand31() & 63;
      expected[i] = r;
      setDenseRegister(regs, HLL_HDR_SIZE, i, r);
    }
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = getDenseRegister(regs, HLL_HDR_SIZE, i);
      if (v !== expected[i]) return `TESTFAILED Register ${i} should be ${expected[i] as number} but is ${v}`;
    }
  }

  regs.fill(0);
  const sparse = HllBytes.create();
  const relerr = 1.04 / Math.sqrt(HLL_REGISTERS);
  const seedLo = rand31() >>> 0;
  const seedHi = rand31() >>> 0;
  let checkpoint = 1;
  for (let j = 1; j <= elements; j++) {
    const pat = hllPatternWords(seedHi, (j ^ seedLo) >>> 0);
    const index = pat & 0x3fff;
    const count = pat >>> 14;
    denseSet(dense, index, count);
    if (sparse.encoding === HLL_SPARSE) sparseSet(sparse, index, count, sparseMaxBytes);
    else denseSet(sparse, index, count);
    if (j !== checkpoint) continue;
    if (j < sparseMaxBytes / 2 && sparse.encoding !== HLL_SPARSE) return 'TESTFAILED sparse encoding not used';
    const card = countHll(dense);
    if (card !== countHll(sparse)) return 'TESTFAILED dense/sparse disagree';
    const maxerr = j === 10 ? 1 : Math.ceil(relerr * 6 * checkpoint);
    const abserr = Math.abs(checkpoint - card);
    if (abserr > maxerr) return `TESTFAILED Too big error. card:${checkpoint} abserr:${abserr}`;
    checkpoint *= 10;
  }
  return null;
}
