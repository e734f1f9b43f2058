// intset blobs: the narrowest width is chosen, values round-trip, and corrupt blobs (bad
// encoding, size mismatch, empty, out of order) throw RdbFormatError.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RdbFormatError } from './errors.js';
import { decodeIntset, encodeIntset } from './intset.js';

describe('intset', () => {
  it('uses 2, 4 or 8 bytes per element by the widest value', () => {
    expect(encodeIntset([1, 2]).toString('hex')).toBe('02000000' + '02000000' + '0100' + '0200');
    expect(encodeIntset([-1, 40000]).readUInt32LE(0)).toBe(4);
    expect(encodeIntset([1, 2n ** 62n]).readUInt32LE(0)).toBe(8);
  });

  it('round-trips any ascending distinct int64 values', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { minLength: 1, maxLength: 50 }), (raw) => {
        const values = raw.sort((a, b) => (a < b ? -1 : 1)).map((v) => (v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n ? Number(v) : v));
        expect(decodeIntset(encodeIntset(values))).toEqual(values);
      }),
    );
  });

  it('refuses unknown encodings, size mismatches, empty sets and disorder', () => {
    expect(() => decodeIntset(Buffer.from('0300000001000000010000', 'hex'))).toThrow('intset with unknown encoding 3');
    expect(() => decodeIntset(Buffer.from('02000000020000000100', 'hex'))).toThrow('intset size does not match its count');
    expect(() => decodeIntset(Buffer.from('0200000000000000', 'hex'))).toThrow('empty intset');
    expect(() => decodeIntset(Buffer.from('020000000200000002000100', 'hex'))).toThrow(RdbFormatError);
    expect(() => decodeIntset(Buffer.from('020000000200000001000100', 'hex'))).toThrow('intset out of order or with duplicates');
  });
});
