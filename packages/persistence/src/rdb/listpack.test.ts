// Proves encodeListpack builds byte-for-byte the listpacks redis-server 7.0 builds (every integer
// and string encoding, every back-length size, the unknown-count header), and that decoding
// round-trips and rejects corrupt bytes with RdbFormatError.
import { Buffer } from 'node:buffer';
import { Redis } from 'ioredis';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, startRedis } from '@cinnabar/testing';
import { RdbFormatError } from './errors.js';
import { decodeListpack, decodeListpackEntries, encodeListpack, listpackStringToInt } from './listpack.js';

let server: ManagedProcess;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis({ directives: { rdbcompression: 'no', 'hash-max-listpack-value': 30000, 'hash-max-listpack-entries': 50000 } });
  redis = new Redis({ port: server.port, host: '127.0.0.1', maxRetriesPerRequest: 0, retryStrategy: () => null });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

/** The listpack inside a DUMP of a listpack-encoded hash: type 16, then an uncompressed RDB string. */
async function redisHashListpack(key: string, pairs: string[]): Promise<Buffer> {
  await redis.del(key);
  for (let i = 0; i < pairs.length; i += 2000) await redis.hset(key, ...pairs.slice(i, i + 2000).map((s) => Buffer.from(s, 'latin1')));
  expect(await redis.object('ENCODING', key)).toBe('listpack');
  const dump = (await redis.callBuffer('DUMP', key)) as Buffer;
  expect(dump[0]).toBe(16);
  const b = dump[1]!;
  const [len, at] = b < 0x40 ? [b, 2] : b < 0x80 ? [((b & 0x3f) << 8) | dump[2]!, 3] : [dump.readUInt32BE(2), 6];
  expect(at + len + 10).toBe(dump.length);
  return dump.subarray(at, at + len);
}

const edgeValues = [
  '0', '1', '127', '128', '-1', '-4096', '4095', '4096', '-4097', '32767', '32768', '-32768', '-32769',
  '8388607', '8388608', '-8388608', '-8388609', '2147483647', '2147483648', '-2147483648', '-2147483649',
  '9007199254740993', '-9007199254740993', '9223372036854775807', '-9223372036854775808',
  '9223372036854775808', '-9223372036854775809', '01', '-0', '-', '+1', ' 1', '1 ', '1.5', '', 'x',
  'a'.repeat(63), 'b'.repeat(64), 'c'.repeat(126), 'd'.repeat(127), 'e'.repeat(4095), 'f'.repeat(4096),
  'g'.repeat(16381), 'h'.repeat(16382), 'i'.repeat(20000), '\x00\xff\x80binary',
];

describe('listpack bytes match redis-server 7.0', () => {
  test('every integer and string encoding and back-length size is chosen as Redis chooses it', async () => {
    const pairs = edgeValues.flatMap((v, i) => [`f${i}`, v]);
    const fromRedis = await redisHashListpack('lp:edges', pairs);
    expect(encodeListpack(pairs).equals(fromRedis)).toBe(true);
    expect(decodeListpack(fromRedis)).toEqual(pairs);
  });

  test('a listpack of 65535 or more elements stores the unknown count 65535 in its header', async () => {
    const pairs: string[] = [];
    for (let i = 0; i < 40000; i++) pairs.push(`k${i}`, String(i * 7 - 100000));
    const fromRedis = await redisHashListpack('lp:big', pairs);
    expect(fromRedis.readUInt16LE(4)).toBe(65535);
    expect(encodeListpack(pairs).equals(fromRedis)).toBe(true);
    expect(decodeListpack(fromRedis)).toEqual(pairs);
  });

  test('field names that are integers are stored as integers, as Redis does', async () => {
    const pairs = ['1', 'one', '-70000', 'x', '9223372036854775807', 'max'];
    const fromRedis = await redisHashListpack('lp:intfields', pairs);
    expect(encodeListpack(pairs).equals(fromRedis)).toBe(true);
  });
});

describe('listpack encoding', () => {
  test('the empty listpack is the 7-byte header plus terminator', () => {
    expect([...encodeListpack([])]).toEqual([7, 0, 0, 0, 0, 0, 0xff]);
  });

  test('numbers and bigints are encoded as the integers their decimal strings would be', () => {
    expect(encodeListpack([5, -4096, 70000, 2 ** 40, -(2n ** 63n)]).equals(encodeListpack(['5', '-4096', '70000', String(2 ** 40), String(-(2n ** 63n))]))).toBe(true);
  });

  test('7-bit, 13-bit and 6-bit-string entries have these exact bytes', () => {
    expect([...encodeListpack([100, -1, 'ab'])]).toEqual([16, 0, 0, 0, 3, 0, 100, 1, 0xdf, 0xff, 2, 0x82, 97, 98, 3, 0xff]);
  });

  test('a fractional number is refused', () => {
    expect(() => encodeListpack([1.5])).toThrow(RangeError);
  });

  test('listpackStringToInt accepts exactly the canonical int64 strings', () => {
    expect(['0', '-5', '9223372036854775807', '-9223372036854775808'].map(listpackStringToInt)).toEqual([0, -5, 9223372036854775807n, -9223372036854775808n]);
    expect(['', '-', '-0', '00', '+1', '1a', ' 1', '9223372036854775808', '123456789012345678901'].map(listpackStringToInt)).toEqual(Array(9).fill(null));
  });
});

describe('listpack decoding', () => {
  test('decodeListpackEntries gives integers as numbers and as bigints beyond 2^53', () => {
    const lp = encodeListpack(['7', 'str', '-9007199254740991', '9007199254740992', '-9223372036854775808']);
    expect(decodeListpackEntries(lp)).toEqual([7, 'str', -9007199254740991, 9007199254740992n, -9223372036854775808n]);
  });

  test('round trip of arbitrary latin1 strings and int64s', () => {
    const item = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
      fc.integer({ min: -100000, max: 100000 }).map(String),
    );
    fc.assert(fc.property(fc.array(item, { maxLength: 60 }), (items) => {
      expect(decodeListpack(encodeListpack(items))).toEqual(items);
    }));
  });

  test('a Uint8Array that is not a Buffer decodes too', () => {
    const lp = encodeListpack(['a', 1]);
    expect(decodeListpack(new Uint8Array(lp))).toEqual(['a', '1']);
  });

  const corrupt: [string, (b: Buffer) => Buffer][] = [
    ['a truncated buffer', (b) => b.subarray(0, b.length - 1)],
    ['a wrong total-bytes header', (b) => { b.writeUInt32LE(b.length + 1, 0); return b; }],
    ['a wrong element count', (b) => { b.writeUInt16LE(3, 4); return b; }],
    ['a missing terminator', (b) => { b[b.length - 1] = 0; return b; }],
    ['an invalid encoding byte', (b) => { b[6] = 0xf5; return b; }],
    ['a string length past the end', (b) => { b[6] = 0xbf; return b; }],
    ['a wrong back-length', (b) => { b[9] = 5; return b; }],
    ['a header shorter than 7 bytes', () => Buffer.from([6, 0, 0, 0, 0, 0])],
  ];
  test.each(corrupt)('%s throws RdbFormatError', (_name, damage) => {
    const lp = damage(encodeListpack(['ab', 'cd']));
    expect(() => decodeListpack(lp)).toThrow(RdbFormatError);
  });

  test('random byte damage never crashes: it decodes or throws RdbFormatError', () => {
    const base = encodeListpack(['hello', 12345, -3, 'x'.repeat(200), '9223372036854775807']);
    fc.assert(fc.property(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
      const b = Buffer.from(base);
      b[at] = byte;
      try {
        expect(Array.isArray(decodeListpack(b))).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(RdbFormatError);
      }
    }));
  });
});
