// MIGRATE between real processes, each case run with cinnabar-server and with redis-server
// 7.0.15 as the source (the target is the other kind), so every expectation is Redis's own:
// keys and TTLs arrive, acknowledged keys leave, the target's errors come back as Redis
// words them, a stalled target times out, other clients wait for the migration, and the
// source's AOF records the move as DEL.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, type ServerKind, startServer, stopAll } from '@cinnabar/testing';

const procs: ManagedProcess[] = [];
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await stopAll(...procs);
});

async function server(kind: ServerKind, directives: Record<string, string> = {}): Promise<ManagedProcess> {
  const p = await startServer(kind, { directives });
  procs.push(p);
  return p;
}

function client(p: ManagedProcess, db = 0): Redis {
  const c = new Redis({ port: p.port, host: '127.0.0.1', db, maxRetriesPerRequest: 0, retryStrategy: () => null });
  c.on('error', () => undefined);
  clients.push(c);
  return c;
}

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error reply');
}

const other = (kind: ServerKind): ServerKind => (kind === 'cinnabar' ? 'redis' : 'cinnabar');

describe.each<ServerKind>(['cinnabar', 'redis'])('MIGRATE from %s', (kind) => {
  test('moves a key with its TTL and caches the connection', async () => {
    const [src, dst] = [await server(kind), await server(other(kind))];
    const s = client(src);
    const d = client(dst, 9);
    await s.set('key', 'Some Value', 'EX', 100);
    expect(await s.info('stats')).toContain('migrate_cached_sockets:0');
    expect(await s.call('MIGRATE', '127.0.0.1', String(dst.port), 'key', '9', '5000')).toBe('OK');
    expect(await s.exists('key')).toBe(0);
    expect(await d.get('key')).toBe('Some Value');
    const ttl = await d.ttl('key');
    expect(ttl).toBeGreaterThan(95);
    expect(ttl).toBeLessThanOrEqual(100);
    expect(await s.info('stats')).toContain('migrate_cached_sockets:1');
    expect(await s.call('MIGRATE', '127.0.0.1', String(dst.port), 'key', '9', '5000')).toBe('NOKEY');
  });

  test('moves several keys with KEYS, skipping missing ones; COPY keeps them, REPLACE overwrites', async () => {
    const [src, dst] = [await server(kind), await server(other(kind))];
    const s = client(src);
    const d = client(dst, 3);
    await s.rpush('list', 'a', 'b', 'c');
    await s.hset('h', 'f1', 'v1', 'f2', 'v2');
    await s.sadd('set', '1', '2', '3');
    expect(await s.call('MIGRATE', '127.0.0.1', String(dst.port), '', '3', '5000', 'COPY', 'KEYS', 'nope', 'list', 'h', 'set')).toBe('OK');
    expect(await s.exists('list', 'h', 'set')).toBe(3);
    expect(await d.lrange('list', 0, -1)).toEqual(['a', 'b', 'c']);
    expect(await d.hgetall('h')).toEqual({ f1: 'v1', f2: 'v2' });
    expect((await d.smembers('set')).sort()).toEqual(['1', '2', '3']);

    const busy = await errorOf(s.call('MIGRATE', '127.0.0.1', String(dst.port), 'list', '3', '5000', 'COPY'));
    expect(busy).toBe('ERR Target instance replied with error: BUSYKEY Target key name already exists.');
    await s.rpush('list', 'd');
    expect(await s.call('MIGRATE', '127.0.0.1', String(dst.port), 'list', '3', '5000', 'REPLACE')).toBe('OK');
    expect(await d.lrange('list', 0, -1)).toEqual(['a', 'b', 'c', 'd']);
    expect(await s.exists('list')).toBe(0);
    expect(await s.call('MIGRATE', '127.0.0.1', String(dst.port), '', '3', '5000', 'KEYS', 'x', 'y')).toBe('NOKEY');
  });

  test('deletes only the keys the target acknowledged', async () => {
    const [src, dst] = [await server(kind), await server(other(kind))];
    const s = client(src);
    const d = client(dst);
    await s.mset('a', '1', 'b', '2', 'c', '3', 'd', '4');
    await d.mset('b', '_', 'd', '_');
    const e = await errorOf(s.call('MIGRATE', '127.0.0.1', String(dst.port), '', '0', '5000', 'KEYS', 'a', 'b', 'c', 'd'));
    expect(e).toBe('ERR Target instance replied with error: BUSYKEY Target key name already exists.');
    expect((await s.keys('*')).sort()).toEqual(['b', 'd']);
    expect(await d.mget('a', 'b', 'c', 'd')).toEqual(['1', '_', '3', '_']);
  });

  test("answers the target's AUTH error and keeps the key", async () => {
    const [src, dst] = [await server(kind), await server(other(kind), { requirepass: 'right' })];
    const s = client(src);
    await s.set('k', 'v');
    const e = await errorOf(s.call('MIGRATE', '127.0.0.1', String(dst.port), 'k', '0', '5000', 'AUTH', 'wrong'));
    expect(e).toBe('ERR Target instance replied with error: WRONGPASS invalid username-password pair or user is disabled.');
    expect(await s.get('k')).toBe('v');
    expect(await s.call('MIGRATE', '127.0.0.1', String(dst.port), 'k', '0', '5000', 'AUTH2', 'default', 'right')).toBe('OK');
    expect(await s.exists('k')).toBe(0);
  });

  test('times out on a stalled target, and fails on a port nobody listens on', async () => {
    const [src, dst] = [await server(kind), await server(other(kind), { 'enable-debug-command': 'yes' })];
    const s = client(src);
    await s.set('k', 'v');
    const sleeper = client(dst);
    const sleeping = sleeper.call('DEBUG', 'SLEEP', '1');
    await new Promise((r) => setTimeout(r, 100));
    const e = await errorOf(s.call('MIGRATE', '127.0.0.1', String(dst.port), 'k', '0', '300'));
    await sleeping;
    expect(e).toBe('IOERR error or timeout reading to target instance');
    expect(await s.get('k')).toBe('v');
    const closed = await server(other(kind));
    const port = String(closed.port);
    await closed.stop();
    // Redis's connect only waits for the socket to be writable: a refusal surfaces as a failed write.
    expect(await errorOf(s.call('MIGRATE', '127.0.0.1', port, 'k', '0', '300'))).toBe('IOERR error or timeout writing to target instance');
  });

  test('checks its arguments as Redis does', async () => {
    const s = client(await server(kind));
    await s.set('k', 'v');
    expect(await errorOf(s.call('MIGRATE', '127.0.0.1', '1', 'NotEmpty', '9', '5000', 'KEYS', 'a'))).toContain('the key argument must be set to the empty string');
    expect(await errorOf(s.call('MIGRATE', '127.0.0.1', '1', 'k', 'x', '5000'))).toBe('ERR value is not an integer or out of range');
    expect(await errorOf(s.call('MIGRATE', '127.0.0.1', '1', 'k', '0', '5000', 'bogus'))).toBe('ERR syntax error');
    expect(await errorOf(s.call('MIGRATE', '127.0.0.1', '1', 'k', '0', '5000', 'AUTH'))).toBe('ERR syntax error');
    expect(await s.call('COMMAND', 'GETKEYS', 'MIGRATE', 'h', '1', '', '0', '5', 'KEYS', 'a', 'b')).toEqual(['a', 'b']);
  });

  test('holds other clients until it is done, and is written to the AOF as DEL', async () => {
    const src = await server(kind, { appendonly: 'yes', appendfsync: 'always' });
    const dst = await server(other(kind), { 'enable-debug-command': 'yes' });
    const s = client(src);
    const writer = client(src);
    await s.set('k', 'old');
    await s.set('other', 'x');
    const sleeping = client(dst).call('DEBUG', 'SLEEP', '0.5');
    await new Promise((r) => setTimeout(r, 100));
    const order: string[] = [];
    const migrating = s.call('MIGRATE', '127.0.0.1', String(dst.port), 'k', '0', '5000').then((r) => order.push(`migrate ${String(r)}`));
    await new Promise((r) => setTimeout(r, 50));
    const writing = writer.set('k', 'new').then(() => order.push('set'));
    await Promise.all([migrating, writing, sleeping]);
    expect(order).toEqual(['migrate OK', 'set']);
    expect(await client(dst).get('k')).toBe('old');
    expect(await s.get('k')).toBe('new');

    const dir = join(src.dir, 'appendonlydir');
    const incr = readdirSync(dir).filter((f) => f.endsWith('.incr.aof')).map((f) => readFileSync(join(dir, f), 'latin1')).join('');
    expect(incr).toContain('*2\r\n$3\r\nDEL\r\n$1\r\nk\r\n');
    expect(incr).not.toMatch(/MIGRATE/i);
  });
});
