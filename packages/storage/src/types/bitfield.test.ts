// Proves BITFIELD's field arithmetic: MSB-first layout at any offset, sign extension,
// and WRAP / SAT / FAIL overflow against exact BigInt models.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BitfieldOp, fieldResult, highestWriteBit, readField, runBitfield, writeField } from './bitfield.js';

const op = (kind: BitfieldOp['kind'], type: string, offset: number, value = 0n, overflow: BitfieldOp['overflow'] = 'wrap'): BitfieldOp => ({
  kind, signed: type[0] === 'i', bits: Number(type.slice(1)), offset, value, overflow,
});

describe('field layout', () => {
  it('writes a 5-bit 23 at offset 7 as 00000001 01110000', () => {
    const buf = new Uint8Array(2);
    writeField(buf, 7, 5, 23n);
    expect([...buf]).toEqual([0b00000001, 0b01110000]);
    expect(readField(buf, 7, 5, false)).toBe(23n);
    expect(readField(buf, 7, 5, true)).toBe(-9n);
  });

  it('reads past the end of the buffer as zeros and handles 64-bit fields', () => {
    const buf = new Uint8Array(9);
    writeField(buf, 3, 64, -2n);
    expect(readField(buf, 3, 64, true)).toBe(-2n);
    expect(readField(new Uint8Array(1), 4, 20, false)).toBe(0n);
  });
});

describe('fieldResult overflow', () => {
  it('wraps, saturates or fails as Redis does', () => {
    expect(fieldResult(100n, 257n, 8, false, 'wrap')).toBe(101n);
    expect(fieldResult(100n, 257n, 8, false, 'sat')).toBe(255n);
    expect(fieldResult(100n, -255n, 8, false, 'sat')).toBe(0n);
    expect(fieldResult(100n, 257n, 8, true, 'wrap')).toBe(101n);
    expect(fieldResult(100n, 257n, 8, true, 'sat')).toBe(127n);
    expect(fieldResult(100n, -255n, 8, true, 'sat')).toBe(-128n);
    expect(fieldResult(100n, 257n, 8, true, 'fail')).toBeNull();
    expect(fieldResult(9223372036854775807n, 1n, 64, true, 'wrap')).toBe(-9223372036854775808n);
  });

  it('matches modular arithmetic for WRAP and range checks for FAIL on every width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.boolean(), fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), (bits, signedIn, rawValue, incr) => {
        const signed = signedIn || bits === 64;
        const range = 2n ** BigInt(bits);
        const min = signed ? -(range / 2n) : 0n;
        const max = min + range - 1n;
        const value = rawValue < min ? min : rawValue > max ? max : rawValue;
        const sum = value + incr;
        const wrapped = (((sum - min) % range) + range) % range + min;
        expect(fieldResult(value, incr, bits, signed, 'wrap')).toBe(wrapped);
        expect(fieldResult(value, incr, bits, signed, 'fail')).toBe(sum > max || sum < min ? null : sum);
        expect(fieldResult(value, incr, bits, signed, 'sat')).toBe(sum > max ? max : sum < min ? min : sum);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('runBitfield', () => {
  it('replies old values for SET, new values for INCRBY, null for refused writes', () => {
    const buf = new Uint8Array(1);
    const out = runBitfield(buf, [op('set', 'u8', 0, 255n), op('incrby', 'u8', 0, 100n), op('get', 'u8', 0), op('incrby', 'u8', 0, 200n, 'fail')], false);
    expect(out.replies).toEqual([0n, 99n, 99n, null]);
    expect(out.changes).toBe(2);
    expect([...buf]).toEqual([99]);
  });

  it('an unsigned SET of a negative value overflows (the int64 is seen as uint64)', () => {
    expect(runBitfield(new Uint8Array(1), [op('set', 'u8', 0, -1n, 'sat')], false).replies).toEqual([0n]);
    const buf = new Uint8Array(1);
    runBitfield(buf, [op('set', 'u8', 0, -1n, 'sat')], false);
    expect(buf[0]).toBe(255);
    expect(runBitfield(new Uint8Array(1), [op('set', 'u8', 0, -1n, 'fail')], false).replies).toEqual([null]);
  });

  it('counts unchanged writes only when the string grew', () => {
    expect(runBitfield(new Uint8Array(1), [op('set', 'i5', 0, 0n)], false).changes).toBe(0);
    expect(runBitfield(new Uint8Array(1), [op('set', 'i5', 0, 0n)], true).changes).toBe(1);
  });

  it('highestWriteBit ignores GETs', () => {
    expect(highestWriteBit([op('get', 'u8', 100)])).toBe(-1);
    expect(highestWriteBit([op('set', 'i8', 64), op('get', 'u8', 1000)])).toBe(71);
  });
});
