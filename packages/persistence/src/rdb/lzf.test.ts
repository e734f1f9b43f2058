// LZF: compressed data decompresses to the input for any bytes, compressible data shrinks,
// incompressible data reports no gain, and corrupt streams throw RdbFormatError.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RdbFormatError } from './errors.js';
import { lzfCompress, lzfDecompress } from './lzf.js';

describe('lzf', () => {
  it('round-trips any bytes it compresses', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(7), (raw, alphabet) => {
        const data = raw.map((b) => b % (alphabet + 1));
        const c = lzfCompress(data);
        if (c === null) return;
        expect(c.length).toBeLessThanOrEqual(data.length - 4);
        expect(Buffer.compare(lzfDecompress(c, data.length), Buffer.from(data))).toBe(0);
      }),
    );
  });

  it('compresses a run of 1000 equal bytes to a few bytes', () => {
    const c = lzfCompress(Buffer.alloc(1000, 'a'));
    expect(c).not.toBeNull();
    expect((c as Buffer).length).toBeLessThan(20);
    expect(lzfDecompress(c as Buffer, 1000).toString()).toBe('a'.repeat(1000));
  });

  it('gives the same output for the same input whatever was compressed before', () => {
    const input = Buffer.from('hello hello hello world world world '.repeat(4));
    const first = lzfCompress(input);
    lzfCompress(Buffer.from('hello world '.repeat(30)));
    expect(lzfCompress(input)).toEqual(first);
  });

  it('answers null for random bytes that do not shrink and for 4 bytes or fewer', () => {
    const random = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 131 + 7) % 251));
    expect(lzfCompress(random)).toBeNull();
    expect(lzfCompress(Buffer.from('aaaa'))).toBeNull();
  });

  it("makes Redis's own choices: never refers to the first byte, stops matching 2 bytes early", () => {
    // redis-server 7.0.15 DUMPs SET k <100 x 'y'> as these 9 compressed bytes.
    expect(lzfCompress(Buffer.alloc(100, 'y'))).toEqual(Buffer.from([0x01, 0x79, 0x79, 0xe0, 0x57, 0x00, 0x01, 0x79, 0x79]));
  });

  it('gives up where Redis does, by its conservative out-of-space test', () => {
    // The 32-byte intset {1, 100000, 5000000000}: Redis stores it raw in a DUMP payload.
    const intset = Buffer.from('0800000003000000010000000000000020a1070000000000f2052a0100000000', 'hex');
    expect(lzfCompress(intset)).toBeNull();
  });

  it('decodes a stream made by Redis (literal run then back-reference)', () => {
    // 'a' literal, then a reference of length 9 at offset 0: "aaaaaaaaaa".
    expect(lzfDecompress(Buffer.from([0x00, 0x61, 0xe0, 0x00, 0x00]), 10).toString()).toBe('a'.repeat(10));
  });

  it('decodes long overlapping references of any period (the native fill and copy paths)', () => {
    // "abc", then a reference 3 back of length 40: the period repeats through the overlap.
    expect(lzfDecompress(Buffer.from([0x02, 0x61, 0x62, 0x63, 0xe0, 31, 0x02]), 43).toString()).toBe('abc'.repeat(15).slice(0, 43));
    // "x", then a reference 1 back of length 264 (the longest): a run of one byte.
    expect(lzfDecompress(Buffer.from([0x00, 0x78, 0xe0, 255, 0x00]), 265).toString()).toBe('x'.repeat(265));
    // "0123456789", then a reference 10 back of length 17: longer than the period, shorter than two.
    expect(lzfDecompress(Buffer.from([0x09, ...Buffer.from('0123456789'), 0xe0, 8, 0x09]), 27).toString()).toBe('0123456789'.repeat(3).slice(0, 27));
  });

  it('throws RdbFormatError on references before the start, overruns and short data', () => {
    expect(() => lzfDecompress(Buffer.from([0x20, 0x05]), 3)).toThrow(RdbFormatError);
    expect(() => lzfDecompress(Buffer.from([0x03, 0x61]), 4)).toThrow('LZF literal run past the input');
    expect(() => lzfDecompress(Buffer.from([0x01, 0x61, 0x62]), 5)).toThrow('LZF data shorter than its stated length');
    expect(() => lzfDecompress(Buffer.from([0x02, 0x61, 0x62, 0x63]), 2)).toThrow('LZF literal run past the output length');
  });
});
