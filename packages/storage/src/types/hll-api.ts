// The HyperLogLog surface the PF* commands use: byte-level pieces from the hll modules, plus
// PFMERGE's write of merged registers into the destination.

import { denseSet, HLL_REGISTERS, HLL_SPARSE, type HllBytes, sparseToDense } from './hll.js';
import { sparseSet } from './hll-sparse.js';

export { cachedCardinality, HLL_DENSE, HLL_SPARSE, HLL_REGISTERS, HllBytes, isHllString, mergeRegisters, sparseToDense } from './hll.js';
export { countHll, countRegisters, decodeSparse, denseRegisters } from './hll-count.js';
export { hllAdd } from './hll-sparse.js';
export { hllSelfTest } from './hll-selftest.js';
export { murmurHash64A } from './hll-hash.js';

/**
 * Raise the destination's registers to `max` (PFMERGE). With `toDense` the destination is
 * converted first; a sparse one may still be promoted midway by hll-sparse-max-bytes.
 * False when the conversion finds corrupt opcodes. The cache is always invalidated.
 */
export function writeMergedRegisters(h: HllBytes, max: Uint8Array, toDense: boolean, sparseMaxBytes: number): boolean {
  if (toDense && !sparseToDense(h)) return false;
  for (let i = 0; i < HLL_REGISTERS; i++) {
    const v = max[i] as number;
    if (v === 0) continue;
    if (h.encoding === HLL_SPARSE) sparseSet(h, i, v, sparseMaxBytes);
    else denseSet(h, i, v);
  }
  h.invalidateCache();
  return true;
}
