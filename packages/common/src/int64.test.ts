// Proves signed 64-bit parsing with Redis's string2ll rules and overflow-exact arithmetic,
// numbers inside ±2^53 and bigints beyond, checked against BigInt with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInt64, INT64_MAX, INT64_MIN, isInt64Text, negateInt64, normalize, parseInt64 } from './int64.js';

describe('parseInt64 (string2ll)', () => {
  it('parses plain decimals as numbers', () => {
    expect(parseInt64('0')).toBe(0);
    expect(parseInt64('7')).toBe(7);
    expect(parseInt64('-42')).toBe(-42);
    expect(parseInt64('9007199254740991')).toBe(9007199254740991);
  });

  it('parses beyond 2^53 as exact bigints up to the int64 limits', () => {
    expect(parseInt64('9007199254740993')).toBe(9007199254740993n);
    expect(parseInt64('9223372036854775807')).toBe(INT64_MAX);
    expect(parseInt64('-9223372036854775808')).toBe(INT64_MIN);
  });

  it('refuses overflow, signs other than a leading minus, spaces and leading zeros', () => {
    for (const s of ['9223372036854775808', '-9223372036854775809', '18446744073709551616', '+1', ' 1', '1 ', '01', '-0', '00', '-', '', '1.0', '1e3', '0x10', '123456789012345678901']) {
      expect(parseInt64(s)).toBeNull();
    }
    expect(isInt64Text('12')).toBe(true);
    expect(isInt64Text('a')).toBe(false);
  });

  it('round-trips every int64 through its decimal text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), (v) => {
        expect(BigInt(parseInt64(v.toString()) as number | bigint)).toBe(v);
        expect(parseInt64(v.toString())).toStrictEqual(normalize(v));
      }),
    );
  });
});

describe('addInt64 and negateInt64', () => {
  it('adds on the fast path and across the 2^53 boundary', () => {
    expect(addInt64(1, 2)).toBe(3);
    expect(addInt64(9007199254740991, 1)).toBe(9007199254740992n);
    expect(addInt64(9007199254740992n, -1)).toBe(9007199254740991);
  });

  it('returns null when the sum leaves the signed 64-bit range', () => {
    expect(addInt64(INT64_MAX, 1)).toBeNull();
    expect(addInt64(INT64_MIN, -1)).toBeNull();
    expect(addInt64(INT64_MAX, INT64_MIN)).toBe(-1);
  });

  it('agrees with BigInt arithmetic for all int64 pairs', () => {
    const int64 = fc.oneof(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), fc.integer().map(BigInt), fc.constantFrom(INT64_MAX, INT64_MIN, 0n));
    fc.assert(
      fc.property(int64, int64, (a, b) => {
        const exact = a + b;
        const expected = exact > INT64_MAX || exact < INT64_MIN ? null : normalize(exact);
        expect(addInt64(normalize(a), normalize(b))).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('negates everything but INT64_MIN, and never yields -0', () => {
    expect(negateInt64(INT64_MIN)).toBeNull();
    expect(negateInt64(INT64_MAX)).toBe(-INT64_MAX);
    expect(negateInt64(5)).toBe(-5);
    expect(Object.is(negateInt64(0), 0)).toBe(true);
  });
});
