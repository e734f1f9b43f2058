// Proves the pure bitmap logic: Redis's BITCOUNT/BITPOS range rules, chunked popcount and
// bit search (checked against a naive bit-array model with fast-check), and BITOP.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitOp, bitPosition, countBits, findBit, getBit, resolveBitRange } from './bitops.js';

const bitsOf = (s: string): number[] => [...s].flatMap((c) => [7, 6, 5, 4, 3, 2, 1, 0].map((b) => (c.charCodeAt(0) >> b) & 1));
const bytes = (xs: number[]): string => String.fromCharCode(...xs);

describe('resolveBitRange', () => {
  it('turns byte indexes (negative from the end) into an inclusive bit interval', () => {
    expect(resolveBitRange(6, 0, -1, false)).toEqual([0, 47]);
    expect(resolveBitRange(6, 1, -2, false)).toEqual([8, 39]);
    expect(resolveBitRange(6, -2, 1, false)).toBeNull();
    expect(resolveBitRange(6, 0, 1000, false)).toEqual([0, 47]);
    expect(resolveBitRange(4, 4, 10, false)).toBeNull();
  });

  it('works in bits when asked and clamps huge int64 bounds', () => {
    expect(resolveBitRange(6, 10, -34, true)).toEqual([10, 14]);
    expect(resolveBitRange(4, 32, 87, true)).toBeNull();
    expect(resolveBitRange(1, 0, 4294967296, false)).toEqual([0, 7]);
    expect(resolveBitRange(2, -9223372036854775808n, 9223372036854775807n, false)).toEqual([0, 15]);
    expect(resolveBitRange(0, 0, -1, false)).toBeNull();
  });
});

describe('countBits and findBit', () => {
  it('count the bits of known vectors', () => {
    expect(countBits('foobar', 0, 47)).toBe(26);
    expect(countBits('foobar', 10, 14)).toBe(4);
    expect(countBits('ab', 8, 15)).toBe(3);
    expect(countBits('\xff\xf0\x00', 0, 23)).toBe(12);
  });

  it('find the first set or clear bit inside an interval', () => {
    expect(findBit('\xff\xf0\x00', 0, 0, 23)).toBe(12);
    expect(findBit('\x00\x0f\xff', 1, 8, 23)).toBe(12);
    expect(findBit('\x00\xff\x00', 1, 16, 23)).toBe(-1);
    expect(findBit('\x00\xff\x00', 0, 8, 8)).toBe(-1);
  });

  it('BITPOS for a clear bit without an end reports the first bit past the string', () => {
    expect(bitPosition('\xff\xff\xff', 0, [0, 23], false)).toBe(24);
    expect(bitPosition('\xff\xff\xff', 0, [0, 23], true)).toBe(-1);
    expect(bitPosition('\x00', 1, [0, 7], false)).toBe(-1);
    expect(bitPosition('\x00', 0, null, false)).toBe(-1);
  });

  it('agree with a naive bit array on strings short and long (chunked path)', () => {
    const str = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.uint8Array({ minLength: 300, maxLength: 2000 }),
      fc.tuple(fc.integer({ min: 1, max: 70_000 }), fc.constantFrom(0, 255), fc.nat(), fc.nat()).map(([n, fill, at, v]) => {
        const a = new Uint8Array(n).fill(fill);
        a[at % n] = v % 256;
        return a;
      }),
    );
    fc.assert(
      fc.property(str, fc.nat(), fc.nat(), fc.constantFrom<0 | 1>(0, 1), (arr, x, y, bit) => {
        if (arr.length === 0) return;
        const s = Buffer.from(arr).toString('latin1');
        const bits = bitsOf(s.length > 3000 ? '' : s);
        const total = s.length * 8;
        const lo = Math.min(x % total, y % total);
        const hi = Math.max(x % total, y % total);
        if (s.length <= 3000) {
          expect(countBits(s, lo, hi)).toBe(bits.slice(lo, hi + 1).filter((b) => b === 1).length);
          const idx = bits.slice(lo, hi + 1).indexOf(bit);
          expect(findBit(s, bit, lo, hi)).toBe(idx < 0 ? -1 : lo + idx);
        } else {
          let n = 0;
          let first = -1;
          for (let i = lo; i <= hi; i++) {
            const b = getBit(s, i);
            n += b;
            if (first < 0 && b === bit) first = i;
          }
          expect(countBits(s, lo, hi)).toBe(n);
          expect(findBit(s, bit, lo, hi)).toBe(first);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bitOp', () => {
  it('zero-pads shorter inputs and treats missing keys as empty', () => {
    expect(bitOp('and', ['\x01\x02\xff\xff', '\x01\x02\xff'])).toBe('\x01\x02\xff\x00');
    expect(bitOp('or', ['\x01\x02\xff\xff', '\x01\x02\xff'])).toBe('\x01\x02\xff\xff');
    expect(bitOp('xor', ['\x01\x02\xff\xff', '\x01\x02\xff'])).toBe('\x00\x00\x00\xff');
    expect(bitOp('and', [null, '\x01\x02\xff'])).toBe('\x00\x00\x00');
    expect(bitOp('or', [null, '\x01\x02\xff', null])).toBe('\x01\x02\xff');
    expect(bitOp('not', ['\xaa\x00\xff\x55'])).toBe('\x55\xff\x00\xaa');
    expect(bitOp('not', [''])).toBe('');
    expect(bitOp('xor', ['1', '2', '1'])).toBe('2');
  });

  it('agrees with byte-wise evaluation for random inputs', () => {
    fc.assert(
      fc.property(fc.constantFrom('and', 'or', 'xor') as fc.Arbitrary<'and' | 'or' | 'xor'>, fc.array(fc.uint8Array({ maxLength: 50 }), { minLength: 1, maxLength: 6 }), (op, inputs) => {
        const max = Math.max(...inputs.map((a) => a.length));
        const expected: number[] = [];
        for (let i = 0; i < max; i++) {
          let v = inputs[0]?.[i] ?? 0;
          for (const a of inputs.slice(1)) {
            const b = a[i] ?? 0;
            v = op === 'and' ? v & b : op === 'or' ? v | b : v ^ b;
          }
          expected.push(v);
        }
        expect(bitOp(op, inputs.map((a) => Buffer.from(a).toString('latin1')))).toBe(bytes(expected));
      }),
    );
  });
});
