// Proves node-redis v5 works against the real cinnabar-server over RESP2 and RESP3: basic
// commands, pipelines, MULTI/EXEC with WATCH, pub/sub, binary and 10 MB values.

import { Buffer } from 'node:buffer';
import { createClient, RESP_TYPES, WatchError } from 'redis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, startTarget } from '@cinnabar/testing';

let server: ManagedProcess;
const open: { destroy(): void }[] = [];

const socket = () => ({ host: '127.0.0.1', port: server.port, reconnectStrategy: false as const });

async function track<C extends { connect(): Promise<unknown>; destroy(): void; on(e: 'error', f: () => void): unknown }>(c: C): Promise<C> {
  c.on('error', () => {
    /* a broken connection surfaces through the failing command */
  });
  open.push(c);
  await c.connect();
  return c;
}

/** node-redis's default: no HELLO, RESP2. */
const connect = () => track(createClient({ socket: socket() }));
const connectResp3 = () => track(createClient({ RESP: 3, socket: socket() }));

let client: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  server = await startTarget();
  client = await connect();
});
afterAll(async () => {
  for (const c of open) {
    try {
      c.destroy();
    } catch {
      /* never connected */
    }
  }
  await server?.stop();
});

describe('node-redis against cinnabar-server', () => {
  test('SET, GET, INCR, DEL, EXPIRE and TTL over RESP2', async () => {
    expect(await client.ping()).toBe('PONG');
    expect(await client.set('nr:a', 'hello')).toBe('OK');
    expect(await client.get('nr:a')).toBe('hello');
    expect(await client.get('nr:missing')).toBe(null);
    expect(await client.incr('nr:n')).toBe(1);
    expect(await client.incrBy('nr:n', 41)).toBe(42);
    expect(await client.expire('nr:a', 100)).toBe(1);
    expect(await client.ttl('nr:a')).toBe(100);
    expect(await client.del(['nr:a', 'nr:n', 'nr:none'])).toBe(2);
    expect(await client.ttl('nr:a')).toBe(-2);
    await client.set('nr:text', 'x');
    await expect(client.incr('nr:text')).rejects.toThrow('ERR value is not an integer or out of range');
  });

  test('a RESP3 connection negotiates HELLO 3 and reads nulls and maps', async () => {
    const c3 = await connectResp3();
    const hello = await c3.hello();
    expect(hello.proto).toBe(3);
    expect(hello.server).toBe('redis');
    expect(await c3.set('nr:r3', 'v')).toBe('OK');
    expect(await c3.get('nr:r3')).toBe('v');
    expect(await c3.get('nr:r3-missing')).toBe(null);
  });

  test('a pipeline returns each reply in order', async () => {
    const results = await client.multi().set('nr:p', '1').incr('nr:p').get('nr:p').del('nr:p').execAsPipeline();
    expect(results).toEqual(['OK', 2, '2', 1]);
  });

  test('MULTI/EXEC runs queued commands and WATCH aborts on a conflict', async () => {
    expect(await client.multi().set('nr:m', '10').incrBy('nr:m', 5).get('nr:m').exec()).toEqual(['OK', 15, '15']);

    const other = await connect();
    await client.watch('nr:w');
    await other.set('nr:w', 'theirs');
    await expect(client.multi().set('nr:w', 'mine').exec()).rejects.toBeInstanceOf(WatchError);
    expect(await client.get('nr:w')).toBe('theirs');
  });

  test('a subscriber connection receives channel and pattern messages', async () => {
    const sub = await connect();
    const got: string[] = [];
    let done: () => void = () => {};
    const arrived = new Promise<void>((ok) => (done = ok));
    const note = (line: string): void => {
      got.push(line);
      if (got.length === 2) done();
    };
    await sub.subscribe('nr:ch', (message, channel) => note(`message ${channel} ${message}`));
    await sub.pSubscribe('nr:p*', (message, channel) => note(`pmessage ${channel} ${message}`));
    expect(await client.publish('nr:ch', 'one')).toBe(1);
    expect(await client.publish('nr:p1', 'two')).toBe(1);
    await arrived;
    expect(got).toEqual(['message nr:ch one', 'pmessage nr:p1 two']);
  });

  test('Buffers holding all 256 byte values round-trip exactly', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    expect(await client.set('nr:bin', bytes)).toBe('OK');
    expect((await binary.get('nr:bin'))?.equals(bytes)).toBe(true);
    expect(await client.strLen('nr:bin')).toBe(256);
  });

  test('a 10 MB value round-trips', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 17 + (i >> 10)) & 0xff;
    const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    expect(await client.set('nr:big', big)).toBe('OK');
    const back = await binary.get('nr:big');
    expect(back?.length).toBe(big.length);
    expect(back?.equals(big)).toBe(true);
    expect(await client.del('nr:big')).toBe(1);
  });
});
