// Redis's rand48 (src/rand.c): the PRNG behind math.random in scripts, the same sequence on
// every platform. 48-bit state, multiplier 0x5DEECE66D, increment 0xB; one state per process.

const A = 0x5deece66dn;
const MASK48 = (1n << 48n) - 1n;
const INITIAL = (0x1234n << 32n) | (0xabcdn << 16n) | 0x330en;

let state = INITIAL;

/** The next value in [0, 2^31). */
export function rand48(): number {
  state = (state * A + 0xbn) & MASK48;
  return Number(state >> 17n);
}

export function srand48(seed: number): void {
  const s = BigInt.asUintN(32, BigInt(Math.trunc(seed) | 0));
  // rand.c's SEED(X0, LOW(seed), HIGH(seed)): x[0] = 0x330E, x[1] = low 16 bits, x[2] = high 16 bits.
  state = (((s >> 16n) & 0xffffn) << 32n) | ((s & 0xffffn) << 16n) | 0x330en;
}

export const RAND48_MAX = 2147483647;
