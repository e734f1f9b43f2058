// value-codec: every value type writes the RDB type Redis 7.0 saves for its encoding, reads
// back equal and in the encoding Redis would load it in, legacy types (ziplist, zipmap, old
// list/zset) load, and corrupt or empty payloads throw RdbFormatError / RdbEmptyKeyError.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { EncodingLimits, HashValue, ListValue, SetValue, type Value, ZSetValue } from '@cinnabar/storage';
import { describe, expect, it } from 'vitest';
import { RdbEmptyKeyError, RdbFormatError } from './errors.js';
import { encodeListpack } from './listpack.js';
import { RdbReader } from './rdb-reader.js';
import { RdbWriter } from './rdb-writer.js';
import { readValue, valueType, writeValue } from './value-codec.js';

const limits = new EncodingLimits();

/** A plain picture of a value's contents and encoding, for equality checks. */
export function render(v: Value): unknown {
  if (typeof v === 'string') return v;
  if (v instanceof ListValue) return ['list', v.toArray()];
  if (v instanceof SetValue) return ['set', v.encoding(), v.members().sort()];
  if (v instanceof HashValue) {
    const pairs: string[] = [];
    v.forEach((f, x) => pairs.push(`${f}=${x}`));
    return ['hash', v.encoding(), pairs.sort()];
  }
  if (v instanceof ZSetValue) {
    const pairs: [string, number][] = [];
    v.walk(0, v.length - 1, false, (m, s) => {
      pairs.push([m, s]);
    });
    return ['zset', v.encoding(), pairs];
  }
  return v.typeName;
}

function encode(v: Value, compress = true): Buffer {
  const w = new RdbWriter(16);
  writeValue(w, v, { compress });
  return w.take();
}

function decode(buf: Buffer, lim: EncodingLimits = limits): Value {
  const r = new RdbReader(buf);
  const v = readValue(r, r.readByte(), lim);
  expect(r.remaining).toBe(0);
  return v;
}

function limitsWith(patch: Partial<EncodingLimits>): EncodingLimits {
  return Object.assign(new EncodingLimits(), patch);
}

function zset(pairs: [string, number][], lim: EncodingLimits = limits): ZSetValue {
  return ZSetValue.from(pairs, lim);
}

const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 40 });

describe('value-codec strings', () => {
  it('writes type 0 and reads any latin1 string back', () => {
    fc.assert(
      fc.property(latin1, fc.boolean(), (s, compress) => {
        const buf = encode(s, compress);
        expect(buf[0]).toBe(0);
        expect(decode(buf)).toBe(s);
      }),
    );
  });

  it('stores "12345" as an INT16 and "x"*100 LZF-compressed', () => {
    expect(encode('12345').toString('hex')).toBe('00c13930');
    expect(encode('x'.repeat(100))[1]).toBe(0xc3);
  });
});

describe('value-codec lists', () => {
  it('writes QUICKLIST_2 with one packed listpack per node and reads the elements back', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? String(i) : `item-${i}`));
    const l = ListValue.from(values, 10);
    const buf = encode(l);
    expect(buf[0]).toBe(18);
    expect(buf[1]).toBe(l.nodeCount);
    expect(l.nodeCount).toBe(50);
    expect(buf[2]).toBe(2);
    expect(render(decode(buf))).toEqual(['list', values]);
  });

  it('loads the legacy RDB_TYPE_LIST of plain strings', () => {
    const w = new RdbWriter();
    w.writeByte(1);
    w.writeLength(3);
    for (const s of ['a', '17', 'ccc']) w.writeString(s, false);
    expect(render(decode(w.take()))).toEqual(['list', ['a', '17', 'ccc']]);
  });

  it('skips empty nodes and refuses an all-empty list as an empty key', () => {
    const w = new RdbWriter();
    w.writeByte(18);
    w.writeLength(1);
    w.writeLength(2);
    w.writeBuffer(encodeListpack([]), false);
    expect(() => decode(w.take())).toThrow(RdbEmptyKeyError);
  });

  it('refuses an unknown node container', () => {
    const w = new RdbWriter();
    w.writeByte(18);
    w.writeLength(1);
    w.writeLength(3);
    w.writeBuffer(encodeListpack(['a']), false);
    expect(() => decode(w.take())).toThrow('Quicklist integrity check failed.');
  });
});

describe('value-codec sets', () => {
  it('writes an intset-encoded set as type 11 and loads it as an intset', () => {
    const s = SetValue.of(['3', '-70000', '5000000000'], limits);
    const buf = encode(s);
    expect(buf[0]).toBe(11);
    expect(render(decode(buf))).toEqual(['set', 'intset', ['-70000', '3', '5000000000']]);
  });

  it('writes a hashtable set as type 2 and loads it as a hashtable', () => {
    const s = SetValue.of(['a', 'b', '1'], limits);
    const buf = encode(s);
    expect(buf[0]).toBe(2);
    expect(render(decode(buf))).toEqual(['set', 'hashtable', ['1', 'a', 'b']]);
  });

  it('loads an intset over set-max-intset-entries as a hashtable', () => {
    const buf = encode(SetValue.of(['1', '2', '3'], limits));
    expect(render(decode(buf, limitsWith({ setMaxIntsetEntries: 2 })))).toEqual(['set', 'hashtable', ['1', '2', '3']]);
  });

  it('loads a type-2 set of small integers as an intset, as Redis does', () => {
    const w = new RdbWriter();
    w.writeByte(2);
    w.writeLength(2);
    w.writeString('7', false);
    w.writeString('8', false);
    expect(render(decode(w.take()))).toEqual(['set', 'intset', ['7', '8']]);
  });

  it('refuses duplicate members and empty sets', () => {
    const w = new RdbWriter();
    w.writeByte(2);
    w.writeLength(2);
    w.writeString('a', false);
    w.writeString('a', false);
    expect(() => decode(w.take())).toThrow('Duplicate set members detected');
    expect(() => decode(Buffer.from([2, 0]))).toThrow(RdbEmptyKeyError);
  });
});

describe('value-codec hashes', () => {
  it('writes a listpack hash as type 16 and loads it as a listpack, in field order', () => {
    const h = HashValue.fromPairs(['f', 'n'], ['v', '100'], limits);
    const buf = encode(h);
    expect(buf[0]).toBe(16);
    const back = decode(buf) as HashValue;
    expect(back.encoding()).toBe('listpack');
    const pairs: string[] = [];
    back.forEach((f, v) => pairs.push(f, v));
    expect(pairs).toEqual(['f', 'v', 'n', '100']);
  });

  it('writes a hashtable hash as type 4 and loads it as a hashtable', () => {
    const h = HashValue.fromPairs(['f', 'big'], ['v', 'x'.repeat(100)], limits);
    const buf = encode(h);
    expect(buf[0]).toBe(4);
    expect(render(decode(buf))).toEqual(['hash', 'hashtable', ['big=' + 'x'.repeat(100), 'f=v']]);
  });

  it('converts a loaded listpack over hash-max-listpack-entries but keeps long values packed', () => {
    const buf = encode(HashValue.fromPairs(['a', 'b', 'c'], ['1', '2', '3'], limits));
    expect(render(decode(buf, limitsWith({ hashMaxListpackEntries: 2 })))).toEqual(['hash', 'hashtable', ['a=1', 'b=2', 'c=3']]);
    expect(render(decode(buf, limitsWith({ hashMaxListpackValue: 0 })))).toEqual(['hash', 'listpack', ['a=1', 'b=2', 'c=3']]);
  });

  it('refuses duplicate fields in a listpack and an odd entry count', () => {
    const dup = new RdbWriter();
    dup.writeByte(16);
    dup.writeBuffer(encodeListpack(['f', '1', 'f', '2']), false);
    expect(() => decode(dup.take())).toThrow('Duplicate hash fields detected');
    const odd = new RdbWriter();
    odd.writeByte(16);
    odd.writeBuffer(encodeListpack(['f', '1', 'g']), false);
    expect(() => decode(odd.take())).toThrow('hash with an odd number of entries');
  });
});

describe('value-codec sorted sets', () => {
  it('writes a listpack zset as type 17 with integer scores as integers, and reads it back', () => {
    const z = zset([['a', 1], ['b', 1.5], ['c', -0], ['d', Infinity], ['e', -Infinity], ['f', 2 ** 60], ['g', 1e300]]);
    const buf = encode(z, false);
    expect(buf[0]).toBe(17);
    expect(buf.includes(Buffer.from('1.5'))).toBe(true);
    expect(buf.includes(Buffer.from('1.0000000000000001e+300'))).toBe(true);
    expect(render(decode(buf))).toEqual(render(z));
  });

  it('writes a skiplist zset as type 5, greatest first, and loads it back as a skiplist', () => {
    const pairs: [string, number][] = Array.from({ length: 200 }, (_, i) => [`m${i}`, i / 3]);
    const z = zset(pairs);
    const buf = encode(z);
    expect(buf[0]).toBe(5);
    const back = decode(buf);
    expect(render(back)).toEqual(render(z));
    expect((back as ZSetValue).encoding()).toBe('skiplist');
  });

  it('loads a small ZSET_2 as a listpack and a long-member one as a skiplist', () => {
    const w = new RdbWriter();
    w.writeByte(5);
    w.writeLength(1);
    w.writeString('x'.repeat(65), false);
    w.writeBinaryDouble(2);
    expect((decode(w.take()) as ZSetValue).encoding()).toBe('skiplist');
    const small = new RdbWriter();
    small.writeByte(5);
    small.writeLength(1);
    small.writeString('x', false);
    small.writeBinaryDouble(2);
    expect(render(decode(small.take()))).toEqual(['zset', 'listpack', [['x', 2]]]);
  });

  it('loads the old ZSET type with ASCII scores', () => {
    const w = new RdbWriter();
    w.writeByte(3);
    w.writeLength(2);
    w.writeString('a', false);
    w.writeBytes(Buffer.from([3, 0x31, 0x2e, 0x35]));
    w.writeString('b', false);
    w.writeBytes(Buffer.from([254]));
    expect(render(decode(w.take()))).toEqual(['zset', 'listpack', [['a', 1.5], ['b', Infinity]]]);
  });

  it('refuses NaN scores, duplicate members and bad score text', () => {
    const nan = new RdbWriter();
    nan.writeByte(5);
    nan.writeLength(1);
    nan.writeString('a', false);
    nan.writeBinaryDouble(NaN);
    expect(() => decode(nan.take())).toThrow('Zset with NAN score detected');
    const dup = new RdbWriter();
    dup.writeByte(17);
    dup.writeBuffer(encodeListpack(['a', 1, 'a', 2]), false);
    expect(() => decode(dup.take())).toThrow('Duplicate zset fields detected');
    const bad = new RdbWriter();
    bad.writeByte(17);
    bad.writeBuffer(encodeListpack(['a', 'zz']), false);
    expect(() => decode(bad.take())).toThrow('invalid zset score "zz"');
  });
});

describe('value-codec legacy encodings', () => {
  it('loads a hash ziplist (13), zset ziplist (12) and list ziplist (10)', () => {
    const zl = (items: string[]): Buffer => {
      const entries = items.map((s, i, a) => Buffer.concat([Buffer.from([i === 0 ? 0 : a[i - 1]!.length + 2, s.length]), Buffer.from(s)]));
      const body = Buffer.concat(entries);
      const head = Buffer.alloc(10);
      head.writeUInt32LE(10 + body.length + 1, 0);
      head.writeUInt32LE(10 + body.length - (entries[entries.length - 1] as Buffer).length, 4);
      head.writeUInt16LE(items.length, 8);
      return Buffer.concat([head, body, Buffer.from([0xff])]);
    };
    const typed = (type: number, blob: Buffer): Buffer => {
      const w = new RdbWriter();
      w.writeByte(type);
      w.writeBuffer(blob, false);
      return w.take();
    };
    expect(render(decode(typed(13, zl(['f', 'v', 'g', 'w']))))).toEqual(['hash', 'listpack', ['f=v', 'g=w']]);
    expect(render(decode(typed(12, zl(['a', '2.5', 'b', '1']))))).toEqual(['zset', 'listpack', [['b', 1], ['a', 2.5]]]);
    expect(render(decode(typed(10, zl(['x', 'y']))))).toEqual(['list', ['x', 'y']]);
    const ql = new RdbWriter();
    ql.writeByte(14);
    ql.writeLength(2);
    ql.writeBuffer(zl(['1', '2']), false);
    ql.writeBuffer(zl(['3']), false);
    expect(render(decode(ql.take()))).toEqual(['list', ['1', '2', '3']]);
  });

  it('loads a zipmap hash (9)', () => {
    const zm = Buffer.concat([Buffer.from([1, 1]), Buffer.from('f'), Buffer.from([2, 0]), Buffer.from('vv'), Buffer.from([0xff])]);
    const w = new RdbWriter();
    w.writeByte(9);
    w.writeBuffer(zm, false);
    expect(render(decode(w.take()))).toEqual(['hash', 'listpack', ['f=vv']]);
  });

  it('refuses module values and unknown types', () => {
    expect(() => decode(Buffer.from([7, 0]))).toThrow('module values are not supported');
    expect(() => decode(Buffer.from([8]))).toThrow('unknown RDB value type 8');
  });
});

describe('value-codec round trips', () => {
  it('reads back every generated hash, set, zset and list equal and in the same encoding', () => {
    const members = fc.uniqueArray(fc.oneof(latin1, fc.integer({ min: -1e6, max: 1e6 }).map(String)), { minLength: 1, maxLength: 150 });
    fc.assert(
      fc.property(members, fc.boolean(), (ms, compress) => {
        const lim = limits;
        const values: Value[] = [
          HashValue.fromPairs(ms, ms.map((m) => m + m), lim),
          SetValue.of(ms, lim),
          zset(ms.map((m, i) => [m, i % 7 === 0 ? i : i / 7]), lim),
          ListValue.from(ms, -1),
        ];
        for (const v of values) {
          expect(render(decode(encode(v, compress)))).toEqual(render(v));
          expect(encode(v, compress)[0]).toBe(valueType(v));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws anything but RdbFormatError on corrupted payloads', () => {
    const samples = [
      encode(HashValue.fromPairs(['a', 'b'], ['1', '2'], limits)),
      encode(zset([['a', 1], ['b', 2.5]])),
      encode(SetValue.of(['1', '2', '300000'], limits)),
      encode(ListValue.from(['a', 'b', '3'])),
      encode(zset(Array.from({ length: 130 }, (_, i): [string, number] => [`m${i}`, i]))),
    ];
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (which, edits) => {
        const buf = Buffer.from(samples[which] as Buffer);
        for (const [at, byte] of edits) buf[at % buf.length] = byte;
        try {
          const r = new RdbReader(buf);
          readValue(r, r.readByte(), limits);
        } catch (e) {
          expect(e).toBeInstanceOf(RdbFormatError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
