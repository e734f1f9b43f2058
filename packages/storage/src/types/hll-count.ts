// Cardinality estimation as Redis 7.0 does it: a histogram of register values, then Ertl's
// improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
// arXiv:1702.01284) with the sigma/tau series, rounded half away from zero.

import {
  getDenseRegister, HLL_DENSE, HLL_HDR_SIZE, HLL_Q, HLL_REGISTERS, HllBytes, walkSparse,
} from './hll.js';

const ALPHA_INF = 0.721347520444481703680; // 0.5 / ln(2)

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let zPrev: number;
  do {
    x *= x;
    zPrev = z;
    z += x * y;
    y += y;
  } while (zPrev !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let zPrev: number;
  do {
    x = Math.sqrt(x);
    zPrev = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (zPrev !== z);
  return z / 3;
}

/** The estimate from a histogram of register values (histo[v] = registers holding v). */
export function estimate(histo: Int32Array): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - (histo[HLL_Q + 1] as number)) / m);
  for (let j = HLL_Q; j >= 1; j--) {
    z += histo[j] as number;
    z *= 0.5;
  }
  z += m * sigma((histo[0] as number) / m);
  return Math.round((ALPHA_INF * m * m) / z);
}

/**
 * The estimate for an HLL's bytes, or -1 when a sparse HLL's opcodes do not cover exactly
 * 16384 registers (Redis counts the histogram first and checks coverage after).
 */
export function countHll(h: HllBytes): number {
  const histo = new Int32Array(64);
  if (h.encoding === HLL_DENSE) {
    denseHistogram(h.b, histo);
  } else {
    const idx = walkSparse(h.b, h.len, (_first, run, value) => {
      (histo[value] as number) += run;
      return true;
    });
    if (idx !== HLL_REGISTERS) return -1;
  }
  return estimate(histo);
}

/** Dense registers counted four at a time: every 3 bytes hold 4 six-bit registers. */
function denseHistogram(b: Uint8Array, histo: Int32Array): void {
  const end = HLL_HDR_SIZE + (HLL_REGISTERS * 6) / 8;
  for (let p = HLL_HDR_SIZE; p < end; p += 3) {
    const b0 = b[p] as number;
    const b1 = b[p + 1] as number;
    const b2 = b[p + 2] as number;
    (histo[b0 & 63] as number)++;
    (histo[((b0 >> 6) | (b1 << 2)) & 63] as number)++;
    (histo[((b1 >> 4) | (b2 << 4)) & 63] as number)++;
    (histo[b2 >> 2] as number)++;
  }
}

/** The estimate for plain byte registers (multi-key PFCOUNT's union); zero words skipped. */
export function countRegisters(registers: Uint8Array): number {
  const histo = new Int32Array(64);
  const words = new Int32Array(registers.buffer, registers.byteOffset, HLL_REGISTERS / 4);
  let zeros = 0;
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) {
      zeros += 4;
      continue;
    }
    for (let i = w * 4; i < w * 4 + 4; i++) (histo[registers[i] as number] as number)++;
  }
  (histo[0] as number) += zeros;
  return estimate(histo);
}

/** Every register as a plain value, reading a dense HLL (PFDEBUG GETREG). */
export function denseRegisters(h: HllBytes): number[] {
  const out = new Array<number>(HLL_REGISTERS);
  for (let i = 0; i < HLL_REGISTERS; i++) out[i] = getDenseRegister(h.b, HLL_HDR_SIZE, i);
  return out;
}

/** PFDEBUG DECODE's text for a sparse HLL: "z:N", "Z:N" and "v:VALUE,N" separated by spaces. */
export function decodeSparse(h: HllBytes): string {
  const parts: string[] = [];
  let p = HLL_HDR_SIZE;
  while (p < h.len) {
    const op = h.b[p] as number;
    if ((op & 0xc0) === 0) {
      parts.push(`z:${(op & 0x3f) + 1}`);
      p++;
    } else if ((op & 0xc0) === 0x40) {
      parts.push(`Z:${(((op & 0x3f) << 8) | (h.b[p + 1] as number)) + 1}`);
      p += 2;
    } else {
      parts.push(`v:${((op >> 2) & 0x1f) + 1},${(op & 3) + 1}`);
      p++;
    }
  }
  return parts.join(' ');
}
