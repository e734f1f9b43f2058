// Zipmaps (hashes from Redis 2.4 files) decode to their pairs, free bytes skipped, and corrupt
// ones throw RdbFormatError.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeZipmap } from './zipmap.js';

describe('decodeZipmap', () => {
  it('reads pairs, skipping each value\'s free bytes', () => {
    const zm = Buffer.concat([
      Buffer.from([2]),
      Buffer.from([3]), Buffer.from('foo'), Buffer.from([3, 0]), Buffer.from('bar'),
      Buffer.from([1]), Buffer.from('k'), Buffer.from([1, 2]), Buffer.from('v'), Buffer.from([0, 0]),
      Buffer.from([0xff]),
    ]);
    expect(decodeZipmap(zm)).toEqual(['foo', 'bar', 'k', 'v']);
  });

  it('reads 5-byte lengths and the 254 "count unknown" header', () => {
    const big = 'y'.repeat(300);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(300);
    const zm = Buffer.concat([Buffer.from([254, 1]), Buffer.from('a'), Buffer.from([254]), len, Buffer.from([0]), Buffer.from(big), Buffer.from([0xff])]);
    expect(decodeZipmap(zm)).toEqual(['a', big]);
  });

  it('refuses a wrong count, an empty map, a missing terminator and overruns', () => {
    expect(() => decodeZipmap(Buffer.from([3, 1, 0x61, 1, 0, 0x62, 0xff]))).toThrow('zipmap count does not match its header');
    expect(() => decodeZipmap(Buffer.from([0, 0xff]))).toThrow('zipmap empty');
    expect(() => decodeZipmap(Buffer.from([1, 1, 0x61, 1, 0, 0x62]))).toThrow('zipmap without its terminator');
    expect(() => decodeZipmap(Buffer.from([1, 1, 0x61, 9, 0, 0x62, 0xff]))).toThrow('zipmap entry out of range');
  });
});
