// Proves RDB persistence in process: SAVE writes a file DEBUG RELOAD brings back with every type,
// TTL and database intact; BGSAVE writes the image of the moment it started while writes go on
// and the event loop keeps turning; LASTSAVE, dirty counting and INFO persistence follow Redis.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Harness } from '@cinnabar/testing';
import { loadRdb } from '@cinnabar/persistence';
import { Keyspace } from '@cinnabar/storage';
import { FakeClock, SeededRandom } from '@cinnabar/common';
import { describe, expect, it } from 'vitest';

function fill(c: ReturnType<Harness['client']>): void {
  c.call('SET', 'str', 'hello');
  c.call('SET', 'int', '12345');
  c.call('SET', 'big', 'x'.repeat(300));
  c.call('RPUSH', 'list', 'a', 'b', '3');
  c.call('SADD', 'iset', '1', '2', '3');
  c.call('SADD', 'set', 'a', 'b');
  c.call('HSET', 'hash', 'f', 'v', 'g', '1');
  c.call('ZADD', 'zset', '1.5', 'a', '-2', 'b');
  c.call('XADD', 'stream', '1-1', 'f', 'v');
  c.call('PFADD', 'hll', 'a', 'b', 'c');
  c.call('SET', 'ttl', 'v', 'PX', '100000');
  c.call('SELECT', '5');
  c.call('SET', 'in5', 'five');
  c.call('SELECT', '0');
}

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'cinnabar-rdb-'));
}

describe('SAVE and DEBUG RELOAD', () => {
  it('round-trips every type, TTLs and databases', () => {
    const h = new Harness({ dir: dir(), config: { 'enable-debug-command': 'yes' } });
    const c = h.client();
    fill(c);
    const digest = c.call('DEBUG', 'DIGEST');
    const ttl = c.call('PTTL', 'ttl');
    expect(c.call('DEBUG', 'RELOAD')).toEqual({ simple: 'OK' });
    expect(c.call('DEBUG', 'DIGEST')).toEqual(digest);
    expect(c.call('PTTL', 'ttl')).toEqual(ttl);
    expect(c.call('DBSIZE')).toBe(11);
    expect(c.call('OBJECT', 'ENCODING', 'iset')).toBe('intset');
    expect(c.call('OBJECT', 'ENCODING', 'hash')).toBe('listpack');
  });

  it('counts changes since the last save and resets them on SAVE', () => {
    const h = new Harness({ dir: dir(), config: { 'enable-debug-command': 'yes' } });
    const c = h.client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '2');
    const info = () => String(c.call('INFO', 'persistence'));
    expect(info()).toContain('rdb_changes_since_last_save:2');
    h.advance(5000);
    expect(c.call('SAVE')).toEqual({ simple: 'OK' });
    expect(info()).toContain('rdb_changes_since_last_save:0');
    expect(c.call('LASTSAVE')).toBe(Math.floor(h.clock.nowMs() / 1000));
    expect(info()).toContain('rdb_saves:1');
  });

  it('refuses DEBUG RELOAD options it does not know', () => {
    const h = new Harness({ dir: dir(), config: { 'enable-debug-command': 'yes' } });
    expect(h.client().call('DEBUG', 'RELOAD', 'BOGUS')).toEqual({ error: 'ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.' });
  });

  it('MERGE NOFLUSH NOSAVE adds the file to what is in memory', () => {
    const h = new Harness({ dir: dir(), config: { 'enable-debug-command': 'yes' } });
    const c = h.client();
    c.call('SET', 'a', 'old');
    c.call('SAVE');
    c.call('SET', 'a', 'new');
    c.call('SET', 'b', 'kept');
    expect(c.call('DEBUG', 'RELOAD', 'NOSAVE', 'NOFLUSH', 'MERGE')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'a')).toBe('old');
    expect(c.call('GET', 'b')).toBe('kept');
  });
});

describe('BGSAVE', () => {
  it('writes the image of the moment it started, while writes continue', async () => {
    const d = dir();
    const h = new Harness({ dir: d, config: { 'enable-debug-command': 'yes' } });
    const c = h.client();
    for (let i = 0; i < 5000; i++) c.call('SET', `k${i}`, `v${i}`);
    c.call('RPUSH', 'list', ...Array.from({ length: 1000 }, (_, i) => String(i)));
    expect(c.call('BGSAVE')).toEqual({ simple: 'Background saving started' });
    expect(c.call('BGSAVE')).toEqual({ error: 'ERR Background save already in progress' });
    for (let i = 0; i < 5000; i += 7) c.call('SET', `k${i}`, 'changed');
    c.call('DEL', 'k1');
    c.call('LPUSH', 'list', 'new');
    c.call('SET', 'late', 'x');
    for (let i = 0; i < 1000 && String(c.call('INFO', 'persistence')).includes('rdb_bgsave_in_progress:1'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(String(c.call('INFO', 'persistence')).match(/rdb_(last_bgsave_status|bgsave_in_progress|saves):\S+/g)).toEqual(['rdb_bgsave_in_progress:0', 'rdb_last_bgsave_status:ok', 'rdb_saves:1']);
    const ks = new Keyspace({ databases: 16, clock: new FakeClock(), random: new SeededRandom(1) });
    const loader = loadRdb(readFileSync(join(d, 'dump.rdb')), ks, { limits: ks.limits, skipExpired: true, allowDuplicates: false, verifyChecksum: true });
    expect(loader.keysLoaded).toBe(5001);
    expect(ks.db(0).peek('k7')?.value).toBe('v7');
    expect(ks.db(0).peek('k1')?.value).toBe('v1');
    expect(ks.db(0).peek('late')).toBeUndefined();
    expect(c.call('LLEN', 'list')).toBe(1001);
    expect(c.call('GET', 'k7')).toBe('changed');
  });

  it('records its longest event-loop stall as the latency event bgsave-event-loop', async () => {
    const h = new Harness({ dir: dir(), config: { 'enable-debug-command': 'yes', 'rdb-key-save-delay': '200', 'latency-monitor-threshold': '1' } });
    const c = h.client();
    for (let i = 0; i < 200; i++) c.call('SET', `k${i}`, `v${i}`);
    expect(c.call('BGSAVE')).toEqual({ simple: 'Background saving started' });
    await new Promise((r) => setTimeout(r, 5));
    // A 60 ms stall of the loop while the save runs (the save itself paces at 200 µs a key).
    const until = Date.now() + 60;
    while (Date.now() < until) { /* the loop is blocked */ }
    for (let i = 0; i < 1000 && String(c.call('INFO', 'persistence')).includes('rdb_bgsave_in_progress:1'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // LATENCY LATEST rows: event, time, latest ms, max ms.
    const latest = c.call('LATENCY', 'LATEST') as [string, number, number, number][];
    const maxMs = latest.find((e) => e[0] === 'bgsave-event-loop')?.[3];
    expect(maxMs).toBeDefined();
    expect(maxMs).toBeGreaterThanOrEqual(50);
    expect(maxMs).toBeLessThan(5000);
  });

  it('records nothing with the latency monitor off', async () => {
    const h = new Harness({ dir: dir(), config: { 'enable-debug-command': 'yes' } });
    const c = h.client();
    c.call('SET', 'k', 'v');
    expect(c.call('BGSAVE')).toEqual({ simple: 'Background saving started' });
    for (let i = 0; i < 1000 && String(c.call('INFO', 'persistence')).includes('rdb_bgsave_in_progress:1'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(c.call('LATENCY', 'LATEST')).toEqual([]);
  });
});
