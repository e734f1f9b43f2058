// Proves the AOF keeps its promises across processes: with appendfsync always every acknowledged
// write survives SIGKILL (20 trials); truncated and corrupt files are handled as Redis 7.0 does;
// redis-check-aof accepts Cinnabar's directory, and redis-server and Cinnabar load each other's.

import { Buffer } from 'node:buffer';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cinnabarMain, directiveArgs, launch, type ManagedProcess, RawConnection, READY_LINE, runTool } from '@cinnabar/testing';

const root = mkdtempSync(join(tmpdir(), 'cinnabar-aof-'));
const running = new Set<ManagedProcess>();
afterAll(async () => {
  await Promise.all([...running].map((p) => p.stop()));
  rmSync(root, { recursive: true, force: true });
});

/** This suite's ports (the helper's assigned range 7500–7549), one per process started. */
let nextPort = 7500;
function port(): number {
  const p = nextPort;
  nextPort = nextPort === 7549 ? 7500 : nextPort + 1;
  return p;
}

async function start(kind: 'cinnabar' | 'redis', dir: string, directives: Record<string, string> = {}, waitReady = true): Promise<ManagedProcess> {
  const p0 = port();
  const args = directiveArgs({
    port: p0, bind: '127.0.0.1', dir, save: '', appendonly: 'yes', 'aof-use-rdb-preamble': 'no',
    'enable-debug-command': 'yes', ...directives,
  });
  const p = kind === 'redis'
    ? launch('redis-server', args, { cwd: dir, port: p0 })
    : launch(process.execPath, [cinnabarMain, ...args], { cwd: dir, port: p0 });
  running.add(p);
  void p.exited.then(() => running.delete(p));
  if (waitReady) await p.waitForOutput(READY_LINE, 15_000);
  return p;
}

async function call(p: ManagedProcess, ...argv: string[]): Promise<string> {
  const c = await RawConnection.connect(p.port);
  try {
    return await c.call(...argv);
  } finally {
    c.close();
  }
}

/**
 * Pipelined INCR + SET from one socket until `ms` have passed; returns what was acknowledged:
 * the highest counter value replied and the SET indexes replied OK.
 */
function writeLoad(portNo: number, ms: number): Promise<{ maxIncr: number; setAcked: number[] }> {
  return new Promise((resolve) => {
    const sock = connect(portNo, '127.0.0.1');
    let sent = 0;
    let pending = '';
    const kinds: ('i' | number)[] = [];
    let maxIncr = 0;
    const setAcked: number[] = [];
    const pump = (): void => {
      let out = '';
      for (let i = 0; i < 20; i++, sent++) {
        if (sent % 2 === 0) {
          out += '*2\r\n$4\r\nINCR\r\n$7\r\ncounter\r\n';
          kinds.push('i');
        } else {
          const k = `k${sent}`;
          out += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${k.length}\r\n${k}\r\n`;
          kinds.push(sent);
        }
      }
      sock.write(out);
    };
    sock.on('connect', pump);
    sock.setEncoding('latin1');
    sock.on('data', (d: string) => {
      pending += d;
      let nl: number;
      while ((nl = pending.indexOf('\r\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 2);
        const kind = kinds.shift();
        if (kind === 'i' && line.startsWith(':')) maxIncr = Math.max(maxIncr, Number(line.slice(1)));
        else if (typeof kind === 'number' && line === '+OK') setAcked.push(kind);
      }
      if (kinds.length < 200) pump();
    });
    const end = (): void => resolve({ maxIncr, setAcked });
    sock.on('error', end);
    sock.on('close', end);
    setTimeout(() => sock.destroy(), ms + 2000).unref();
  });
}

describe('appendfsync always survives SIGKILL', () => {
  test('every acknowledged INCR and SET is present after a restart, over 20 kill/restart trials', async () => {
    const dir = mkdtempSync(join(root, 'durability-'));
    let server = await start('cinnabar', dir, { appendfsync: 'always' });
    let lastCounter = 0;
    const figures: string[] = [];
    for (let trial = 0; trial < 20; trial++) {
      const load = writeLoad(server.port, 150 + (trial % 5) * 40);
      await new Promise((r) => setTimeout(r, 150 + (trial % 5) * 40));
      server.killNow('SIGKILL');
      const acked = await load;
      await server.exited;
      server = await start('cinnabar', dir, { appendfsync: 'always' });
      const counter = Number((await call(server, 'GET', 'counter')).split('\r\n')[1] ?? '0');
      expect(counter).toBeGreaterThanOrEqual(acked.maxIncr);
      expect(counter).toBeGreaterThanOrEqual(lastCounter);
      const sample = acked.setAcked.filter((_, i) => i % 7 === 0 || i === acked.setAcked.length - 1);
      if (sample.length > 0) {
        const reply = await call(server, 'EXISTS', ...sample.map((i) => `k${i}`));
        expect(reply).toBe(`:${sample.length}\r\n`);
      }
      figures.push(`${acked.maxIncr}/${counter}`);
      lastCounter = counter;
    }
    expect(lastCounter).toBeGreaterThan(0);
    process.stdout.write(`aof durability (acked INCR max / counter after restart): ${figures.join(' ')}\n`);
    await server.stop();
  }, 90_000);
});

describe('damaged AOF files', () => {
  async function dirWith(incr: string): Promise<string> {
    const dir = mkdtempSync(join(root, 'damaged-'));
    const s = await start('cinnabar', dir);
    await s.stop();
    appendFileSync(join(dir, 'appendonlydir', 'appendonly.aof.1.incr.aof'), Buffer.from(incr, 'latin1'));
    return dir;
  }
  const incr = (n: number) => '*2\r\n$4\r\nINCR\r\n$3\r\nfoo\r\n'.repeat(n);

  test('a truncated tail loads with aof-load-truncated yes and the file is cut at the last whole command', async () => {
    const dir = await dirWith(incr(5) + incr(1).slice(0, -1));
    const s = await start('cinnabar', dir, { 'aof-load-truncated': 'yes' });
    expect(await call(s, 'GET', 'foo')).toBe('$1\r\n5\r\n');
    expect(s.stdout).toContain('AOF appendonly.aof.1.incr.aof loaded anyway because aof-load-truncated is enabled');
    expect(await call(s, 'INCR', 'foo')).toBe(':6\r\n');
    await s.stop();
    const again = await start('cinnabar', dir, { 'aof-load-truncated': 'no' });
    expect(await call(again, 'GET', 'foo')).toBe('$1\r\n6\r\n');
    await again.stop();
  });

  test('a truncated tail is refused with aof-load-truncated no, with Redis message as the last log line', async () => {
    const dir = await dirWith(incr(2) + incr(1).slice(0, -3));
    const s = await start('cinnabar', dir, { 'aof-load-truncated': 'no' }, false);
    const exit = await s.exited;
    expect(exit.code).toBe(1);
    const lines = s.stdout.trim().split('\n');
    expect(lines.at(-1)).toContain('Unexpected end of file reading the append only file appendonly.aof.1.incr.aof');
  });

  test('garbage in the AOF is refused with the bad-format message', async () => {
    const dir = await dirWith(`${incr(1)}!!!${incr(1)}`);
    const s = await start('cinnabar', dir, {}, false);
    expect((await s.exited).code).toBe(1);
    expect(s.stdout.trim().split('\n').at(-1)).toContain('Bad file format reading the append only file appendonly.aof.1.incr.aof');
  });
});

describe('interoperability with Redis 7.0.15', () => {
  const populate = async (p: ManagedProcess): Promise<void> => {
    const c = await RawConnection.connect(p.port);
    try {
      await c.call('SET', 'str', 'hello');
      await c.call('SET', 'ttl', 'v', 'PX', '3600000');
      await c.call('RPUSH', 'list', 'a', 'b', 'c');
      await c.call('SADD', 'set', '1', '2', 'x');
      await c.call('ZADD', 'zset', '1.5', 'a', '2', 'b');
      await c.call('HSET', 'hash', 'f', 'v', 'g', '1');
      await c.call('XADD', 'stream', '1-1', 'f', 'v');
      await c.call('XGROUP', 'CREATE', 'stream', 'g', '0');
      await c.call('XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 'stream', '>');
      await c.call('SELECT', '2');
      await c.call('INCRBY', 'n', '42');
    } finally {
      c.close();
    }
  };
  /** Every key's type and content (sets and hashes sorted), per database; TTLs as "has about an hour". */
  const digest = async (p: ManagedProcess): Promise<string[]> => {
    const out: string[] = [];
    const c = await RawConnection.connect(p.port);
    const words = (r: string) => r.split('\r\n').filter((l) => l !== '' && !/^[*$]/.test(l));
    try {
      for (const db of ['0', '2']) {
        await c.call('SELECT', db);
        for (const key of words(await c.call('KEYS', '*')).sort()) {
          const type = (await c.call('TYPE', key)).slice(1, -2);
          const read: Record<string, string[]> = {
            string: ['GET', key], list: ['LRANGE', key, '0', '-1'], set: ['SMEMBERS', key],
            zset: ['ZRANGE', key, '0', '-1', 'WITHSCORES'], hash: ['HGETALL', key], stream: ['XRANGE', key, '-', '+'],
          };
          let content = words(await c.call(...(read[type] as string[])));
          if (type === 'set' || type === 'hash') content = content.sort();
          if (type === 'stream') content.push(await c.call('XINFO', 'GROUPS', key), await c.call('XPENDING', key, 'g'));
          const ttl = Number((await c.call('PTTL', key)).slice(1, -2));
          out.push(`${db} ${key} ${type} ${ttl > 3_000_000 ? 'ttl' : String(ttl)} ${JSON.stringify(content)}`);
        }
      }
    } finally {
      c.close();
    }
    return out;
  };

  test("redis-check-aof accepts Cinnabar's appendonlydir and redis-server loads it with identical data", async () => {
    const dir = mkdtempSync(join(root, 'to-redis-'));
    const s = await start('cinnabar', dir);
    await populate(s);
    expect(await call(s, 'BGREWRITEAOF')).toBe('+Background append only file rewriting started\r\n');
    await s.waitForOutput('Background AOF rewrite finished successfully');
    await call(s, 'SET', 'after', 'rewrite');
    const want = await digest(s);
    expect(want.length).toBe(9);
    await s.stop();
    expect(readdirSync(join(dir, 'appendonlydir')).sort()).toEqual(['appendonly.aof.2.base.aof', 'appendonly.aof.2.incr.aof', 'appendonly.aof.manifest']);
    const check = await runTool('redis-check-aof', [join(dir, 'appendonlydir', 'appendonly.aof.manifest')]);
    expect(check.stdout).toContain('All AOF files and manifest are valid');
    const r = await start('redis', dir);
    expect(await digest(r)).toEqual(want);
    expect(await call(r, 'GET', 'after')).toBe('$7\r\nrewrite\r\n');
    await r.stop();
  });

  test("Cinnabar loads redis-server's appendonlydir with identical data", async () => {
    const dir = mkdtempSync(join(root, 'from-redis-'));
    const r = await start('redis', dir);
    await populate(r);
    expect(await call(r, 'BGREWRITEAOF')).toBe('+Background append only file rewriting started\r\n');
    await r.waitForOutput('Background AOF rewrite finished successfully');
    await call(r, 'LPUSH', 'list', 'z');
    const want = await digest(r);
    expect(want.length).toBe(8);
    expect(want[1]).toBe('0 list list -1 ["z","a","b","c"]');
    await r.stop();
    const s = await start('cinnabar', dir);
    expect(await digest(s)).toEqual(want);
    expect(await call(s, 'LRANGE', 'list', '0', '-1')).toBe('*4\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n');
    await s.stop();
  });
});
