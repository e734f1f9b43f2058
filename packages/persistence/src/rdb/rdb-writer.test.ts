// RdbWriter and RdbReader agree: every length form, Redis's string encodings (integers, LZF,
// plain), doubles and 64-bit integers round-trip, and the bytes match what Redis writes.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RdbFormatError } from './errors.js';
import { RdbReader } from './rdb-reader.js';
import { RdbWriter } from './rdb-writer.js';

function bytes(write: (w: RdbWriter) => void): string {
  const w = new RdbWriter(4);
  write(w);
  return w.take().toString('hex');
}

describe('RdbWriter / RdbReader', () => {
  it('writes lengths in the 6, 14, 32 and 64-bit forms', () => {
    expect(bytes((w) => w.writeLength(63))).toBe('3f');
    expect(bytes((w) => w.writeLength(64))).toBe('4040');
    expect(bytes((w) => w.writeLength(16383))).toBe('7fff');
    expect(bytes((w) => w.writeLength(16384))).toBe('8000004000');
    expect(bytes((w) => w.writeLength(2 ** 32))).toBe('810000000100000000');
  });

  it('integer-encodes canonical int32 strings as Redis does', () => {
    expect(bytes((w) => w.writeString('12', false))).toBe('c00c');
    expect(bytes((w) => w.writeString('-129', false))).toBe('c17fff');
    expect(bytes((w) => w.writeString('2147483647', false))).toBe('c2ffffff7f');
    expect(bytes((w) => w.writeString('2147483648', false))).toBe('0a32313437343833363438');
    expect(bytes((w) => w.writeString('012', false))).toBe('03303132');
    expect(bytes((w) => w.writeString('-0', false))).toBe('022d30');
  });

  it('LZF-compresses strings over 20 bytes only when asked and only when it saves bytes', () => {
    const s = 'a'.repeat(100);
    expect(bytes((w) => w.writeString(s, true)).slice(0, 2)).toBe('c3');
    expect(bytes((w) => w.writeString(s, false))).toBe('40' + '64' + '61'.repeat(100));
    expect(bytes((w) => w.writeString('a'.repeat(20), true))).toBe('14' + '61'.repeat(20));
  });

  it('reads back any latin1 string, compressed or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 300 }), fc.boolean(), (s, compress) => {
        const w = new RdbWriter(8);
        w.writeString(s, compress);
        w.writeString(s + s + s, compress);
        const r = new RdbReader(w.take());
        expect(r.readString()).toBe(s);
        expect(r.readString()).toBe(s + s + s);
        expect(r.remaining).toBe(0);
      }),
    );
  });

  it('reads back integers as their decimal text and buffers as bytes', () => {
    const w = new RdbWriter();
    for (const s of ['0', '-1', '127', '-128', '32767', '-32768', '65536', '-2147483648']) w.writeString(s, true);
    w.writeBuffer(Buffer.from('xyz'), false);
    const r = new RdbReader(w.take());
    expect(Array.from({ length: 8 }, () => r.readString())).toEqual(['0', '-1', '127', '-128', '32767', '-32768', '65536', '-2147483648']);
    expect(r.readBuffer().toString()).toBe('xyz');
  });

  it('round-trips doubles, 64-bit integers and millisecond times', () => {
    const w = new RdbWriter();
    w.writeBinaryDouble(-0.5);
    w.writeUint64LE(2 ** 53 - 1);
    w.writeUint64LE(2n ** 64n - 1n);
    w.writeMillis(1700000000123);
    w.writeMillis(-5);
    const r = new RdbReader(w.take());
    expect(r.readBinaryDouble()).toBe(-0.5);
    expect(r.readUint64LE()).toBe(2 ** 53 - 1);
    expect(r.readUint64LE()).toBe(2n ** 64n - 1n);
    expect(r.readMillis()).toBe(1700000000123);
    expect(r.readMillis()).toBe(-5);
  });

  it('reads the old ASCII doubles with 253/254/255 for nan, +inf, -inf', () => {
    const r = new RdbReader(Buffer.concat([Buffer.from([253, 254, 255, 4]), Buffer.from('-1.5'), Buffer.from([3]), Buffer.from('inf')]));
    expect(r.readDouble()).toBeNaN();
    expect(r.readDouble()).toBe(Infinity);
    expect(r.readDouble()).toBe(-Infinity);
    expect(r.readDouble()).toBe(-1.5);
    expect(r.readDouble()).toBe(Infinity);
  });

  it('throws RdbFormatError on truncated data and unknown encodings', () => {
    expect(() => new RdbReader(Buffer.from([0x05, 0x61])).readString()).toThrow('unexpected end of data reading a string');
    expect(() => new RdbReader(Buffer.from([0xc5])).readString()).toThrow('unknown string encoding 5');
    expect(() => new RdbReader(Buffer.from([0x82])).readLength()).toThrow('unknown length encoding 2');
    expect(() => new RdbReader(Buffer.from([0x80, 0])).readLength()).toThrow(RdbFormatError);
    expect(() => new RdbReader(Buffer.from([0xc3, 0x02, 0x05, 0x00, 0x61])).readString()).toThrow(RdbFormatError);
  });
});
