// Proves streams move both ways between redis-server 7.0.15 and our codec: a DUMP read by
// readStream gives the same XRANGE and XINFO STREAM FULL in Cinnabar, and writeStream's payload
// RESTOREs in Redis to the same XINFO STREAM FULL (byte-identical to DUMP when nothing was deleted).
import { Buffer } from 'node:buffer';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StreamValue } from '@cinnabar/storage';
import { Harness, type ManagedProcess, startRedis } from '@cinnabar/testing';
import { crc64, crc64Bytes } from './crc64.js';
import { RdbReader } from './rdb-reader.js';
import { RdbWriter } from './rdb-writer.js';
import { readStream, writeStream } from './stream-codec.js';

let server: ManagedProcess;
let redis: Redis;
beforeAll(async () => {
  server = await startRedis({ directives: { rdbcompression: 'no' } });
  redis = new Redis({ port: server.port, host: '127.0.0.1', protocol: 2, maxRetriesPerRequest: 0, retryStrategy: () => null });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

type Plain = string | number | null | Plain[];
function plain(v: unknown): Plain {
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  if (Array.isArray(v)) return v.map(plain);
  return v as Plain;
}

async function call(...args: (string | number)[]): Promise<Plain> {
  const [cmd, ...rest] = args;
  return plain(await redis.callBuffer(String(cmd), ...rest.map((a) => Buffer.from(String(a), 'latin1'))));
}

async function dump(key: string): Promise<Buffer> {
  return (await redis.callBuffer('DUMP', key)) as Buffer;
}

function parseDump(payload: Buffer): StreamValue {
  expect(payload[0]).toBe(19);
  const r = new RdbReader(payload, 1, payload.length - 10);
  const s = readStream(r, 19);
  expect(r.pos).toBe(payload.length - 10);
  return s;
}

function makeDump(s: StreamValue, compress: boolean): Buffer {
  const w = new RdbWriter();
  w.writeByte(19);
  writeStream(w, s, { compress });
  const body = Buffer.concat([w.take(), Buffer.from([10, 0])]);
  return Buffer.concat([body, crc64Bytes(crc64(body))]);
}

/** The loaded value as Cinnabar serves it. */
function inCinnabar(key: string, s: StreamValue): (...args: string[]) => Plain {
  const h = new Harness();
  h.keyspace.db(0).add(key, s);
  const c = h.client();
  return (...args) => c.call(...args) as Plain;
}

const scenarios: [string, () => Promise<void>][] = [
  ['several nodes with same-field and differing entries', async () => {
    for (let i = 1; i <= 350; i++) {
      const fields = i % 7 === 0 ? ['other', String(i), 'x', 'y'] : ['name', `n${i}`, 'count', String(i * 1000 - 70000), 'blob', 'z'.repeat(i % 50)];
      await call('XADD', 's', `${1000 + i}-${i % 3}`, ...fields);
    }
  }],
  ['deleted entries, a deleted node tail and an exact MINID trim that empties the head node', async () => {
    for (let i = 1; i <= 250; i++) await call('XADD', 's', `${i}-1`, 'f', String(i), 'g', '\x00\xff');
    for (const i of [3, 50, 100, 150, 199, 200, 201]) await call('XDEL', 's', `${i}-1`);
    await call('XTRIM', 's', 'MINID', '=', '100-1');
  }],
  ['XSETID with entries-added and max-deleted-id, IDs beyond 2^53', async () => {
    await call('XADD', 's', '9007199254740993-18446744073709551614', 'a', '1');
    await call('XADD', 's', '18446744073709551615-5', 'a', '2');
    await call('XSETID', 's', '18446744073709551615-9', 'ENTRIESADDED', 42, 'MAXDELETEDID', '18446744073709551615-7');
  }],
  ['consumer groups with pending entries across consumers', async () => {
    for (let i = 1; i <= 30; i++) await call('XADD', 's', `${i}-0`, 'k', String(i));
    await call('XGROUP', 'CREATE', 's', 'g1', '0');
    await call('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', 5, 'STREAMS', 's', '>');
    await call('XREADGROUP', 'GROUP', 'g1', 'bob', 'COUNT', 4, 'STREAMS', 's', '>');
    await call('XACK', 's', 'g1', '2-0', '7-0');
    await call('XCLAIM', 's', 'g1', 'carol', 0, '3-0', '8-0', 'RETRYCOUNT', 9);
    await call('XGROUP', 'CREATECONSUMER', 's', 'g1', 'idle');
    await call('XGROUP', 'CREATE', 's', 'g2', '10-0', 'ENTRIESREAD', 10);
    await call('XGROUP', 'CREATE', 's', '12345', '$');
    await call('XDEL', 's', '20-0');
    await call('XGROUP', 'CREATE', 's', 'g3', '15-0');
    await call('XREADGROUP', 'GROUP', 'g3', 'dave', 'COUNT', 2, 'STREAMS', 's', '>');
  }],
  ['an empty stream that remembers its last ID and a group', async () => {
    await call('XADD', 's', '5-5', 'a', 'b');
    await call('XGROUP', 'CREATE', 's', 'g', '$');
    await call('XDEL', 's', '5-5');
  }],
];

describe.each(scenarios)('stream interop: %s', (_name, build) => {
  let original: Buffer;
  beforeAll(async () => {
    await call('FLUSHALL');
    await build();
    original = await dump('s');
  });

  test('readStream of the DUMP serves the same XRANGE and XINFO STREAM FULL as Redis', async () => {
    const ours = inCinnabar('s', parseDump(original));
    expect(ours('XRANGE', 's', '-', '+')).toEqual(await call('XRANGE', 's', '-', '+'));
    expect(ours('XINFO', 'STREAM', 's', 'FULL', 'COUNT', '0')).toEqual(await call('XINFO', 'STREAM', 's', 'FULL', 'COUNT', 0));
  });

  test('writeStream payload RESTOREs in Redis to the same XINFO STREAM FULL', async () => {
    const s = parseDump(original);
    for (const compress of [false, true]) {
      await call('DEL', 'copy');
      await redis.callBuffer('RESTORE', 'copy', '0', makeDump(s, compress));
      expect(await call('XINFO', 'STREAM', 'copy', 'FULL', 'COUNT', 0)).toEqual(await call('XINFO', 'STREAM', 's', 'FULL', 'COUNT', 0));
      expect(await call('XRANGE', 'copy', '-', '+')).toEqual(await call('XRANGE', 's', '-', '+'));
    }
  });

  test('the reloaded value writes back to the same value after another round trip', () => {
    const once = parseDump(makeDump(parseDump(original), true));
    expect(makeDump(once, false).equals(makeDump(parseDump(makeDump(once, false)), false))).toBe(true);
  });
});

describe('stream interop: bytes', () => {
  test('a stream without deletions writes exactly the bytes Redis dumps', async () => {
    await call('FLUSHALL');
    await scenarios[0]![1]();
    await call('XGROUP', 'CREATE', 's', 'g1', '0');
    await call('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', 5, 'STREAMS', 's', '>');
    await call('XREADGROUP', 'GROUP', 'g1', 'bob', 'COUNT', 5, 'STREAMS', 's', '>');
    const original = await dump('s');
    expect(makeDump(parseDump(original), false).equals(original)).toBe(true);
  });

  test('an LZF-compressed DUMP (rdbcompression yes) loads to the value whose uncompressed dump Redis gives', async () => {
    await call('FLUSHALL');
    await call('CONFIG', 'SET', 'rdbcompression', 'yes');
    try {
      for (let i = 1; i <= 120; i++) await call('XADD', 's', `${i}-0`, 'payload', 'abc'.repeat(20) + String(i), 'n', i);
      const original = await dump('s');
      const ours = inCinnabar('s', parseDump(original));
      expect(ours('XRANGE', 's', '-', '+')).toEqual(await call('XRANGE', 's', '-', '+'));
      await call('CONFIG', 'SET', 'rdbcompression', 'no');
      expect(makeDump(parseDump(original), false).equals(await dump('s'))).toBe(true);
    } finally {
      await call('CONFIG', 'SET', 'rdbcompression', 'no');
    }
  });
});
