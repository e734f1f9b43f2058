// Proves ioredis 6 with its defaults (HELLO 3, INFO ready check) works against the real
// cinnabar-server: basic commands, pipelines, MULTI/EXEC, pub/sub, binary and 10 MB values.

import { Buffer } from 'node:buffer';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, startTarget } from '@cinnabar/testing';

let server: ManagedProcess;
const clients: Redis[] = [];
const connectionErrors: string[] = [];

function connect(): Redis {
  const c = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  c.on('error', (e: Error) => connectionErrors.push(e.message));
  clients.push(c);
  return c;
}

let redis: Redis;
beforeAll(async () => {
  server = await startTarget();
  redis = connect();
  try {
    await redis.connect();
  } catch (e) {
    throw new Error(`ioredis could not connect: ${[...connectionErrors, (e as Error).message].join('; ')}`);
  }
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.stop();
});

describe('ioredis against cinnabar-server', () => {
  test('connects over RESP3: HELLO reports protocol 3', async () => {
    expect(redis.status).toBe('ready');
    expect(await redis.ping()).toBe('PONG');
    const hello = (await redis.call('HELLO')) as unknown[];
    expect(hello[hello.indexOf('proto') + 1]).toBe(3);
    expect(hello[hello.indexOf('server') + 1]).toBe('redis');
  });

  test('SET, GET, INCR, DEL, EXPIRE and TTL', async () => {
    expect(await redis.set('io:a', 'hello')).toBe('OK');
    expect(await redis.get('io:a')).toBe('hello');
    expect(await redis.get('io:missing')).toBe(null);
    expect(await redis.incr('io:n')).toBe(1);
    expect(await redis.incrby('io:n', 41)).toBe(42);
    expect(await redis.expire('io:a', 100)).toBe(1);
    expect(await redis.ttl('io:a')).toBe(100);
    expect(await redis.ttl('io:n')).toBe(-1);
    expect(await redis.del('io:a', 'io:n', 'io:none')).toBe(2);
    expect(await redis.ttl('io:a')).toBe(-2);
    await redis.set('io:text', 'x');
    await expect(redis.incr('io:text')).rejects.toThrow('ERR value is not an integer or out of range');
  });

  test('a pipeline returns each reply (and each error) in order', async () => {
    const results = await redis.pipeline()
      .set('io:p', '1')
      .incr('io:p')
      .get('io:p')
      .lpush('io:p', 'x')
      .del('io:p')
      .exec();
    expect(results?.map(([err, value]) => (err ? err.message : value))).toEqual([
      'OK', 2, '2', 'WRONGTYPE Operation against a key holding the wrong kind of value', 1,
    ]);
  });

  test('MULTI/EXEC runs queued commands atomically and WATCH aborts on a conflict', async () => {
    const results = await redis.multi().set('io:m', '10').incrby('io:m', 5).get('io:m').exec();
    expect(results).toEqual([[null, 'OK'], [null, 15], [null, '15']]);

    const other = connect();
    await other.connect();
    await redis.watch('io:w');
    await other.set('io:w', 'theirs');
    const aborted = await redis.multi().set('io:w', 'mine').exec();
    expect(aborted).toBe(null);
    expect(await redis.get('io:w')).toBe('theirs');
  });

  test('a queuing error makes EXEC fail with EXECABORT', async () => {
    const tx = redis.multi();
    tx.set('io:x', '1');
    tx.call('NOSUCHCOMMAND');
    await expect(tx.exec()).rejects.toThrow('EXECABORT Transaction discarded because of previous errors.');
    expect(await redis.exists('io:x')).toBe(0);
  });

  test('a subscriber connection receives channel and pattern messages', async () => {
    const sub = connect();
    await sub.connect();
    const got: string[] = [];
    const arrived = new Promise<void>((done) => {
      sub.on('message', (channel: string, message: string) => {
        got.push(`message ${channel} ${message}`);
        if (got.length === 3) done();
      });
      sub.on('pmessage', (pattern: string, channel: string, message: string) => {
        got.push(`pmessage ${pattern} ${channel} ${message}`);
        if (got.length === 3) done();
      });
    });
    expect(await sub.subscribe('io:ch1', 'io:ch2')).toBe(2);
    expect(await sub.psubscribe('io:p*')).toBe(3);
    expect(await redis.publish('io:ch1', 'one')).toBe(1);
    expect(await redis.publish('io:p9', 'two')).toBe(1);
    expect(await redis.publish('io:ch2', 'three')).toBe(1);
    await arrived;
    expect(got).toEqual(['message io:ch1 one', 'pmessage io:p* io:p9 two', 'message io:ch2 three']);
    expect(await redis.publish('io:nobody', 'x')).toBe(0);
  });

  test('Buffers holding all 256 byte values round-trip exactly, as value and as key', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(await redis.set('io:bin', bytes)).toBe('OK');
    expect((await redis.getBuffer('io:bin'))?.equals(bytes)).toBe(true);
    expect(await redis.strlen('io:bin')).toBe(256);
    expect(await redis.set(bytes, 'under a binary key')).toBe('OK');
    expect(await redis.get(bytes)).toBe('under a binary key');
    expect(await redis.del(bytes)).toBe(1);
  });

  test('a 10 MB value round-trips', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 12)) & 0xff;
    expect(await redis.set('io:big', big)).toBe('OK');
    expect(await redis.strlen('io:big')).toBe(big.length);
    const back = await redis.getBuffer('io:big');
    expect(back?.length).toBe(big.length);
    expect(back?.equals(big)).toBe(true);
    expect(await redis.del('io:big')).toBe(1);
  });
});
