// Ziplists (as Redis 6 saved them) decode entry by entry in every string and integer
// encoding, and corrupt ones (size, terminator, prevlen, tail, count) throw RdbFormatError.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { RdbFormatError } from './errors.js';
import { decodeZiplist } from './ziplist.js';

/** A ziplist of pre-encoded entry bodies (encoding byte(s) + data), prevlens filled in. */
function ziplist(bodies: Buffer[], countOverride?: number): Buffer {
  const entries: Buffer[] = [];
  let prev = 0;
  let offset = 10;
  let tail = 10;
  for (const body of bodies) {
    const prevlen = prev < 254 ? Buffer.from([prev]) : Buffer.concat([Buffer.from([254]), u32(prev)]);
    const e = Buffer.concat([prevlen, body]);
    tail = offset;
    offset += e.length;
    prev = e.length;
    entries.push(e);
  }
  const total = offset + 1;
  const head = Buffer.alloc(10);
  head.writeUInt32LE(total, 0);
  head.writeUInt32LE(tail, 4);
  head.writeUInt16LE(countOverride ?? bodies.length, 8);
  return Buffer.concat([head, ...entries, Buffer.from([0xff])]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

const str = (s: string): Buffer => Buffer.concat([Buffer.from([s.length]), Buffer.from(s, 'latin1')]);

describe('decodeZiplist', () => {
  it('reads strings of every length form and integers of every width', () => {
    const long = 'x'.repeat(300);
    const bodies = [
      str('hello'),
      Buffer.concat([Buffer.from([0x40 | (300 >> 8), 300 & 0xff]), Buffer.from(long)]),
      Buffer.from([0xc0, 0x39, 0x30]),
      Buffer.from([0xd0, 0xff, 0xff, 0xff, 0x7f]),
      Buffer.from([0xe0, 0, 0, 0, 0, 0, 0, 0, 0x80]),
      Buffer.from([0xf0, 0xff, 0xff, 0xff]),
      Buffer.from([0xfe, 0x80]),
      Buffer.from([0xf1]),
      Buffer.from([0xfd]),
    ];
    expect(decodeZiplist(ziplist(bodies))).toEqual(['hello', long, '12345', '2147483647', '-9223372036854775808', '-1', '-128', '0', '12']);
  });

  it('accepts the 65535 "count unknown" header', () => {
    expect(decodeZiplist(ziplist([str('a'), str('b')], 0xffff))).toEqual(['a', 'b']);
  });

  it('refuses wrong sizes, missing terminators, broken prevlens, tails and counts', () => {
    const good = ziplist([str('a'), str('bc')]);
    expect(() => decodeZiplist(good.subarray(0, good.length - 1))).toThrow('ziplist size does not match its header');
    const noEnd = Buffer.from(good);
    noEnd[noEnd.length - 1] = 0;
    expect(() => decodeZiplist(noEnd)).toThrow(RdbFormatError);
    const badPrev = Buffer.from(good);
    badPrev[10 + 3] = 9;
    expect(() => decodeZiplist(badPrev)).toThrow('ziplist prevlen chain broken');
    const badTail = Buffer.from(good);
    badTail.writeUInt32LE(10, 4);
    expect(() => decodeZiplist(badTail)).toThrow('ziplist tail offset does not point at the last entry');
    expect(() => decodeZiplist(ziplist([str('a')], 2))).toThrow('ziplist count does not match its header');
    expect(() => decodeZiplist(ziplist([Buffer.from([0x05, 0x61])]))).toThrow(RdbFormatError);
  });
});
