// Proves RDB interop with redis-server 7.0.15 across processes: Cinnabar's dump.rdb (every type
// and encoding, TTLs, several databases, with and without compression) passes redis-check-rdb
// and loads into Redis with identical data; Redis's dump loads into Cinnabar; DUMP payloads
// RESTORE both ways; a corrupt or truncated dump.rdb stops Cinnabar at startup with exit code 1.

import { Buffer } from 'node:buffer';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  cinnabarBin, cinnabarMain, directiveArgs, freePort, launch, type ManagedProcess, RawConnection, READY_LINE, runTool,
} from '@cinnabar/testing';

const root = mkdtempSync(join(tmpdir(), 'cinnabar-rdb-interop-'));
const running = new Set<ManagedProcess>();
afterAll(async () => {
  await Promise.all([...running].map((p) => p.stop()));
  rmSync(root, { recursive: true, force: true });
});

type Kind = 'cinnabar' | 'redis';
type R = string | number | null | R[] | { error: string } | { simple: string };

/** Small encodings, so the fill below gets both shapes of every type on either server. */
const SMALL_LIMITS = {
  'list-max-listpack-size': '4', 'hash-max-listpack-entries': '4', 'hash-max-listpack-value': '16',
  'set-max-intset-entries': '4', 'zset-max-listpack-entries': '4', 'zset-max-listpack-value': '16',
  'stream-node-max-entries': '10',
};

let dirSeq = 0;
function newDir(name: string): string {
  const d = join(root, `${name}-${dirSeq++}`);
  mkdirSync(d);
  return d;
}

async function start(kind: Kind, dir: string, directives: Record<string, string> = {}): Promise<ManagedProcess> {
  const port = await freePort();
  const args = directiveArgs({
    port, bind: '127.0.0.1', dir, save: '', appendonly: 'no', 'enable-debug-command': 'yes', ...directives,
  });
  const p = kind === 'redis'
    ? launch('redis-server', args, { cwd: dir, port })
    : launch(process.execPath, [cinnabarMain, ...args], { cwd: dir, port });
  running.add(p);
  void p.exited.then(() => running.delete(p));
  await p.waitForOutput(READY_LINE, 20_000);
  return p;
}

/** One RESP2 reply frame (as latin1 text) parsed into plain values. */
function parse(frame: string): R {
  let at = 0;
  const line = (): string => {
    const end = frame.indexOf('\r\n', at);
    const s = frame.slice(at, end);
    at = end + 2;
    return s;
  };
  const one = (): R => {
    const head = line();
    const rest = head.slice(1);
    switch (head[0]) {
      case '+': return { simple: rest };
      case '-': return { error: rest };
      case ':': return Number(rest);
      case '$': {
        const n = Number(rest);
        if (n < 0) return null;
        const s = frame.slice(at, at + n);
        at += n + 2;
        return s;
      }
      case '*': {
        const n = Number(rest);
        if (n < 0) return null;
        const out: R[] = [];
        for (let i = 0; i < n; i++) out.push(one());
        return out;
      }
      default: throw new Error(`unexpected reply ${JSON.stringify(head)}`);
    }
  };
  return one();
}

class Conn {
  private constructor(private readonly raw: RawConnection) {}

  static async open(p: ManagedProcess): Promise<Conn> {
    return new Conn(await RawConnection.connect(p.port));
  }

  /** Many commands pipelined; every reply parsed, none may be an error. */
  async batch(cmds: readonly (readonly string[])[], allowErrors = false): Promise<R[]> {
    for (const c of cmds) this.raw.send(c);
    const { frames, timedOut } = await this.raw.read(cmds.length, 30_000);
    if (timedOut) throw new Error(`timed out after ${frames.length} of ${cmds.length} replies`);
    const out = frames.map(parse);
    if (!allowErrors) {
      out.forEach((r, i) => {
        if (r !== null && typeof r === 'object' && 'error' in r) throw new Error(`${JSON.stringify(cmds[i]?.slice(0, 4))} -> ${r.error}`);
      });
    }
    return out;
  }

  async call(...argv: string[]): Promise<R> {
    return (await this.batch([argv], true))[0] as R;
  }

  close(): void {
    this.raw.close();
  }
}

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));
/** Bytes LZF cannot shrink (a fixed pseudo-random sequence). */
function noise(n: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += String.fromCharCode((x >>> 16) & 0xff);
  }
  return s;
}
const allBytes = range(256, (i) => String.fromCharCode(i)).join('');
const FAR = String(Date.now() + 3_600_000);

/** Every type and encoding, TTLs, and four databases: what both servers are filled with. */
function fillCommands(): string[][] {
  const db0: string[][] = [
    ['SET', 's:int', '12345'], ['SET', 's:min', '-9223372036854775808'], ['SET', 's:embstr', 'hello world'],
    ['SET', 's:raw', noise(300, 1)], ['SET', 's:big', 'abc'.repeat(40_000)], ['SET', 's:bin', allBytes],
    ['SET', 's:empty', ''], ['SET', 's:float', '3.14159'], ['SET', noise(40, 7), 'binary key'],
    ['SET', 's:ttl', 'expiring', 'PX', '600000'], ['SET', 's:pxat', 'far', 'PXAT', FAR],
    ['RPUSH', 'l:small', '1', 'two', '-3', noise(30, 2)],
    ['RPUSH', 'l:large', ...range(3000, (i) => (i % 3 === 0 ? String(i * 7919) : `item-${i}-${'x'.repeat(i % 50)}`))],
    ['RPUSH', 'l:ints', ...range(700, (i) => String(i - 350))],
    ['RPUSH', 'l:bigel', 'a', 'q'.repeat(20_000), 'b'],
    ['SADD', 's:intset', '1', '2', '3', '-5'], ['SADD', 's:intset64', '9223372036854775807', '-9223372036854775808', '0'],
    ['SADD', 'set:str', 'a', 'b', 'c', noise(25, 3)], ['SADD', 'set:bigint', ...range(700, (i) => String(i * 3))],
    ['SADD', 'set:big', ...range(600, (i) => `member:${i}`)],
    ['HSET', 'h:small', 'f1', 'v1', 'f2', '2', 'n', '-7'],
    ['HSET', 'h:big', ...range(400, (i) => (i % 2 === 0 ? `field${i >> 1}` : `value${i}`))],
    ['HSET', 'h:longval', 'f', 'y'.repeat(200), 'g', 'short'],
    ['ZADD', 'z:small', '1', 'a', '2.5', 'b', '-inf', 'c', '+inf', 'd', '0.1', 'e', '-3', 'f', '1e20', 'g'],
    ['ZADD', 'z:big', ...range(300, (i) => (i % 2 === 0 ? String((i - 150) / 7) : `m${i}`)), '-inf', 'ninf', '+inf', 'pinf', '3.0000000000000004', 'frac'],
    ['ZADD', 'z:shrunk', ...range(400, (i) => (i % 2 === 0 ? String(i) : `m${i}`))], ['ZREMRANGEBYRANK', 'z:shrunk', '0', '196'],
    ['ZADD', 'z:longmember', '1', 'k'.repeat(100), '2', 'short'],
    ['PFADD', 'hll:sparse', 'a', 'b', 'c', 'd'], ['PFADD', 'hll:dense', ...range(4000, (i) => `e${i}`)],
    ['HSET', 'h:ttl', 'a', '1'], ['PEXPIRE', 'h:ttl', '900000'],
    ['ZADD', 'z:ttl', '1', 'x'], ['PEXPIREAT', 'z:ttl', FAR],
    ['RPUSH', 'l:ttl', 'x'], ['EXPIRE', 'l:ttl', '1000'],
  ];
  for (let i = 0; i < 260; i++) {
    db0.push(i % 5 === 0
      ? ['XADD', 'st:main', `${1000 + i}-${i % 3}`, 'field', `v${i}`, 'other', String(i)]
      : ['XADD', 'st:main', `${1000 + i}-${i % 3}`, 'field', `v${i}`]);
  }
  db0.push(
    ['XDEL', 'st:main', '1003-0', '1004-1', '1100-1', '1259-2'],
    ['XGROUP', 'CREATE', 'st:main', 'g1', '0'], ['XGROUP', 'CREATE', 'st:main', 'g2', '1200-0'],
    ['XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', '15', 'STREAMS', 'st:main', '>'],
    ['XREADGROUP', 'GROUP', 'g1', 'bob', 'COUNT', '5', 'STREAMS', 'st:main', '>'],
    ['XACK', 'st:main', 'g1', '1000-0', '1001-1', '1005-2'],
    ['XGROUP', 'CREATECONSUMER', 'st:main', 'g2', 'carol'],
    ['XADD', 'st:empty', '5-5', 'a', 'b'], ['XDEL', 'st:empty', '5-5'],
    ['XADD', 'st:small', 'MAXLEN', '2', '*', 'k', 'v'], ['XGROUP', 'CREATE', 'st:small', 'g', '$', 'MKSTREAM'],
  );
  return [
    ['FLUSHALL'], ['SELECT', '0'], ...db0,
    ['SELECT', '1'], ['SET', 'k', 'in db1'], ['RPUSH', 'l', 'x', 'y'], ['SET', 's:ttl1', 'v', 'PX', '700000'],
    ['SELECT', '3'], ['HSET', 'h', 'a', 'b'], ['SADD', 'x', '5'], ['SET', 'k', '1'],
    ['SELECT', '15'], ['ZADD', 'z', '1', 'one'],
    ['SELECT', '0'],
  ];
}

const DBS = ['0', '1', '3', '15'];

async function keysOf(c: Conn, db: string): Promise<string[]> {
  await c.call('SELECT', db);
  return ((await c.call('KEYS', '*')) as string[]).sort();
}

/**
 * The two servers hold the same data: key names per database, and per key the type, DEBUG
 * DIGEST-VALUE, PTTL (within a second), XINFO STREAM FULL for streams, and OBJECT ENCODING when
 * `encodings` (both loaded the same file, so Redis's load-time rules decide). Lists are compared
 * by LRANGE: Cinnabar's DEBUG DIGEST leaves list contents out (ListValue has no digest()).
 */
async function expectSameData(a: Conn, b: Conn, encodings: boolean): Promise<number> {
  let n = 0;
  for (const db of DBS) {
    const keys = await keysOf(a, db);
    expect(await keysOf(b, db)).toEqual(keys);
    const per = (k: string): string[][] => [
      ['TYPE', k], ['DEBUG', 'DIGEST-VALUE', k], ['PTTL', k], ['OBJECT', 'ENCODING', k],
    ];
    const cmds = keys.flatMap(per);
    const [ra, rb] = await Promise.all([a.batch(cmds), b.batch(cmds)]);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const [ta, da, pa, ea] = ra.slice(i * 4, i * 4 + 4);
      const [tb, db_, pb, eb] = rb.slice(i * 4, i * 4 + 4);
      const type = (ta as { simple: string }).simple;
      expect({ k, t: ta }).toEqual({ k, t: tb });
      if (type === 'list') {
        expect({ k, items: await a.call('LRANGE', k, '0', '-1') }).toEqual({ k, items: await b.call('LRANGE', k, '0', '-1') });
      } else {
        expect({ k, d: da }).toEqual({ k, d: db_ });
      }
      if (pa === -1) expect({ k, ttl: pb }).toEqual({ k, ttl: -1 });
      else expect({ k, close: Math.abs((pa as number) - (pb as number)) < 1000 }).toEqual({ k, close: true });
      if (encodings) expect({ k, enc: ea }).toEqual({ k, enc: eb });
      if (type === 'stream') {
        expect({ k, full: await a.call('XINFO', 'STREAM', k, 'FULL') }).toEqual({ k, full: await b.call('XINFO', 'STREAM', k, 'FULL') });
      }
      n++;
    }
  }
  await a.call('SELECT', '0');
  await b.call('SELECT', '0');
  return n;
}

/** Whole-dataset DEBUG DIGEST on both, after dropping the lists (see expectSameData). */
async function expectSameDigest(a: Conn, b: Conn): Promise<void> {
  for (const c of [a, b]) {
    for (const db of DBS) {
      await c.call('SELECT', db);
      for (const k of (await c.call('KEYS', '*')) as string[]) {
        if ((await c.call('TYPE', k) as { simple: string }).simple === 'list') await c.call('DEL', k);
      }
    }
    await c.call('SELECT', '0');
  }
  const da = await a.call('DEBUG', 'DIGEST');
  expect(da).not.toEqual({ simple: '0'.repeat(40) });
  expect(da).toEqual(await b.call('DEBUG', 'DIGEST'));
}

/** The encodings the fill is meant to produce, so a test fails if one shape went missing. */
async function encodingsOf(c: Conn): Promise<Set<string>> {
  const out = new Set<string>();
  for (const db of DBS) {
    for (const k of await keysOf(c, db)) out.add(`${((await c.call('TYPE', k)) as { simple: string }).simple}/${(await c.call('OBJECT', 'ENCODING', k)) as string}`);
  }
  await c.call('SELECT', '0');
  return out;
}

const EVERY_ENCODING = [
  'string/int', 'string/embstr', 'string/raw', 'list/quicklist', 'set/intset', 'set/hashtable',
  'hash/listpack', 'hash/hashtable', 'zset/listpack', 'zset/skiplist', 'stream/stream',
];

async function checkRdb(file: string): Promise<void> {
  const r = await runTool('redis-check-rdb', [file], { timeoutMs: 20_000 });
  expect(r.stdout + r.stderr).toContain('RDB looks OK!');
  expect(r.code).toBe(0);
}

describe('Cinnabar writes dump.rdb, redis-server loads it', () => {
  for (const compression of ['yes', 'no']) {
    test(`rdbcompression ${compression}: redis-check-rdb accepts it and Redis has identical data and encodings`, async () => {
      const dir = newDir(`cnb-${compression}`);
      const cnb = await start('cinnabar', dir, { rdbcompression: compression });
      const c = await Conn.open(cnb);
      await c.batch(fillCommands());
      expect(await c.call('SAVE')).toEqual({ simple: 'OK' });
      const file = join(dir, 'dump.rdb');
      await checkRdb(file);

      const rdir = newDir(`redis-from-cnb-${compression}`);
      copyFileSync(file, join(rdir, 'dump.rdb'));
      const redis = await start('redis', rdir);
      const r = await Conn.open(redis);
      // Cinnabar reloads its own file, so both hold what loading this file gives.
      expect(await c.call('DEBUG', 'RELOAD', 'NOSAVE')).toEqual({ simple: 'OK' });
      expect(await expectSameData(c, r, true)).toBe(42);
      expect([...await encodingsOf(r)].sort()).toEqual(expect.arrayContaining(EVERY_ENCODING));
      expect(await r.call('OBJECT', 'ENCODING', 'z:shrunk')).toBe('listpack');
      expect(await r.call('STRLEN', 'hll:dense')).toBe(12304);
      expect((await r.call('STRLEN', 'hll:sparse')) as number).toBeLessThan(100);
      await expectSameDigest(c, r);
      c.close();
      r.close();
      await Promise.all([cnb.stop(), redis.stop()]);
    }, 60_000);
  }
});

describe('redis-server writes dump.rdb, Cinnabar loads it', () => {
  for (const limits of ['default', 'small']) {
    test(`${limits} encoding limits: Cinnabar loads identical data and encodings at startup`, async () => {
      const directives = limits === 'small' ? SMALL_LIMITS : {};
      const rdir = newDir(`redis-${limits}`);
      const redis = await start('redis', rdir, directives);
      const r = await Conn.open(redis);
      await r.batch(fillCommands());
      expect(await r.call('SAVE')).toEqual({ simple: 'OK' });
      const dir = newDir(`cnb-from-redis-${limits}`);
      copyFileSync(join(rdir, 'dump.rdb'), join(dir, 'dump.rdb'));
      const cnb = await start('cinnabar', dir, directives);
      expect(cnb.stdout).toMatch(/Done loading RDB, keys loaded: 42, keys expired: 0\./);
      const c = await Conn.open(cnb);
      expect(await r.call('DEBUG', 'RELOAD', 'NOSAVE')).toEqual({ simple: 'OK' });
      expect(await expectSameData(c, r, true)).toBe(42);
      expect([...await encodingsOf(c)].sort()).toEqual(expect.arrayContaining(EVERY_ENCODING));
      // And back: Cinnabar's save of what it loaded is still a valid file with the same digest.
      expect(await c.call('SAVE')).toEqual({ simple: 'OK' });
      await checkRdb(join(dir, 'dump.rdb'));
      await expectSameDigest(c, r);
      c.close();
      r.close();
      await Promise.all([cnb.stop(), redis.stop()]);
    }, 60_000);
  }
});

describe('DUMP and RESTORE between the servers', () => {
  test('every key DUMPed by one server RESTOREs on the other with the same digest, TTL and stream groups', async () => {
    const [cnb, redis] = await Promise.all([start('cinnabar', newDir('cnb-dump')), start('redis', newDir('redis-dump'))]);
    const [c, r] = await Promise.all([Conn.open(cnb), Conn.open(redis)]);
    await Promise.all([c.batch(fillCommands()), r.batch(fillCommands())]);
    let restored = 0;
    for (const [from, to] of [[c, r], [r, c]] as const) {
      for (const db of DBS) {
        const keys = await keysOf(from, db);
        await to.call('SELECT', db);
        const dumps = await from.batch(keys.flatMap((k) => [['DUMP', k], ['PTTL', k]]));
        await to.batch(keys.map((k, i) => {
          const ttl = dumps[i * 2 + 1] as number;
          return ['RESTORE', k, ttl < 0 ? '0' : String(ttl), dumps[i * 2] as string, 'REPLACE'];
        }));
        restored += keys.length;
      }
      await from.call('SELECT', '0');
      await to.call('SELECT', '0');
      await expectSameData(from, to, false);
    }
    expect(restored).toBe(84);
    await expectSameDigest(c, r);
    // A payload that is not valid for its type is refused by both.
    const bad = (await c.call('DUMP', 'h:small')) as string;
    const flipped = bad.slice(0, 3) + String.fromCharCode(bad.charCodeAt(3) ^ 0xff) + bad.slice(4);
    expect(await c.call('RESTORE', 'bad', '0', flipped)).toEqual({ error: 'ERR DUMP payload version or checksum are wrong' });
    expect(await r.call('RESTORE', 'bad', '0', flipped)).toEqual({ error: 'ERR DUMP payload version or checksum are wrong' });
    c.close();
    r.close();
    await Promise.all([cnb.stop(), redis.stop()]);
  }, 60_000);
});

describe('a damaged dump.rdb stops Cinnabar at startup', () => {
  async function makeDump(bigBytes = 0): Promise<Buffer> {
    const dir = newDir('cnb-source');
    const cnb = await start('cinnabar', dir, { rdbcompression: 'no' });
    const c = await Conn.open(cnb);
    await c.batch([['SET', 'marker', 'M'.repeat(64)], ['RPUSH', 'l', 'a', 'b'], ['SET', 'n', '42']]);
    if (bigBytes > 0) await c.call('SET', 'big', 'B'.repeat(bigBytes));
    await c.call('SAVE');
    c.close();
    await cnb.stop();
    return readFileSync(join(dir, 'dump.rdb'));
  }

  /** Start on `data`: the compiled modules, or the shipped bin (the bundle) with `bin`. */
  async function startOn(data: Buffer, bin = false): Promise<{ code: number | null; out: string }> {
    const dir = newDir('cnb-damaged');
    writeFileSync(join(dir, 'dump.rdb'), data);
    const port = await freePort();
    const args = directiveArgs({ port, bind: '127.0.0.1', dir, save: '' });
    const p = bin ? launch(cinnabarBin, args, { cwd: dir, port }) : launch(process.execPath, [cinnabarMain, ...args], { cwd: dir, port });
    running.add(p);
    const exit = await Promise.race([p.exited, new Promise<null>((ok) => setTimeout(() => ok(null), 15_000))]);
    if (exit === null) await p.stop();
    return { code: exit?.code ?? null, out: p.stdout + p.stderr };
  }

  test('a flipped byte fails the checksum: exit code 1 and the reason in the log', async () => {
    const good = await makeDump();
    const bad = Buffer.from(good);
    const at = bad.indexOf('MMMM', 0, 'latin1') + 10;
    bad[at] = 0x4e;
    const { code, out } = await startOn(bad);
    expect(out).toMatch(/RDB CRC error|Wrong RDB checksum/);
    expect(out).toMatch(/Terminating server after rdb file reading failure|Fatal error loading the DB/);
    expect(out).not.toContain(READY_LINE);
    expect(code).toBe(1);
  });

  test('a file over 1 MB (read and checksummed by a worker thread) loads in the shipped server; a flipped byte in it fails the checksum', async () => {
    const good = await makeDump(3_000_000);
    expect(good.length).toBeGreaterThan(2_000_000);
    const dir = newDir('cnb-big');
    writeFileSync(join(dir, 'dump.rdb'), good);
    const port = await freePort();
    const p = launch(cinnabarBin, directiveArgs({ port, bind: '127.0.0.1', dir, save: '', loglevel: 'debug' }), { cwd: dir, port });
    running.add(p);
    await p.waitForOutput(READY_LINE, 20_000);
    expect(p.stdout).toContain('RDB file read and checksummed by a worker thread');
    const c = await RawConnection.connect(port);
    c.send(['STRLEN', 'big']);
    c.send(['GET', 'marker']);
    expect((await c.read(2)).frames).toEqual([':3000000\r\n', `$64\r\n${'M'.repeat(64)}\r\n`]);
    c.close();
    await p.stop();

    const bad = Buffer.from(good);
    bad[bad.indexOf('BBBB', 0, 'latin1') + 2_500_000] = 0x43;
    const { code, out } = await startOn(bad, true);
    expect(out).toMatch(/RDB CRC error/);
    expect(out).not.toContain(READY_LINE);
    expect(code).toBe(1);
  });

  test('a truncated file: exit code 1 and the reason in the log', async () => {
    const good = await makeDump();
    const { code, out } = await startOn(good.subarray(0, good.length - 30));
    expect(out).toContain('unexpected end of data');
    expect(out).toMatch(/Terminating server after rdb file reading failure|Fatal error loading the DB/);
    expect(out).not.toContain(READY_LINE);
    expect(code).toBe(1);
  });
});
