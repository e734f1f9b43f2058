// Proves the AOF lifecycle against Redis 7.0's: startup creates or loads the multi-part AOF,
// writes reach the incr file, BGREWRITEAOF swaps in a new base without losing concurrent
// writes (every type, streams with groups and PELs), appendonly at runtime, DEBUG LOADAOF, INFO.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reply } from '@cinnabar/resp';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';
import { AofService } from './aof-service.js';
import type { ServerPersistence } from './persistence-port.js';

class Fatal extends Error {}

function server(cwd: string, config: Record<string, string> = {}) {
  const h = new Harness({ config: { 'enable-debug-command': 'yes', appendonly: 'yes', 'aof-use-rdb-preamble': 'no', ...config } });
  const logs: string[] = [];
  const log = { debug: () => {}, info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const aof = new AofService({ core: h.core, cwd, log, fatal: (m) => { throw new Fatal(m); } });
  (h.core.persistence as ServerPersistence).aof = aof;
  return { h, c: h.client(), aof, logs };
}

const dirOf = (cwd: string) => join(cwd, 'appendonlydir');
const manifest = (cwd: string) => readFileSync(join(dirOf(cwd), 'appendonly.aof.manifest'), 'latin1');
const files = (cwd: string) => readdirSync(dirOf(cwd)).sort();

async function waitRewrite(aof: AofService): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (aof.infoFields().find(([k]) => k === 'aof_rewrite_in_progress')?.[1] === 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('rewrite did not finish');
}

function fill(c: ReturnType<Harness['client']>): void {
  c.call('SET', 'str', 'v\r\n\x00\xff');
  c.call('SET', 'ttl', '1');
  c.call('PEXPIREAT', 'ttl', String(Date.now() + 3_600_000));
  c.call('RPUSH', 'list', ...Array.from({ length: 150 }, (_, i) => `e${i}`));
  c.call('SADD', 'iset', '1', '2', '-3');
  c.call('SADD', 'sset', 'a', 'b');
  c.call('ZADD', 'zset', '1.5', 'a', 'inf', 'b', '-2', 'c');
  c.call('HSET', 'hash', 'f1', 'v1', 'f2', '2');
  c.call('SELECT', '3');
  c.call('XADD', 'st', '1-1', 'a', '1');
  c.call('XADD', 'st', '2-1', 'b', '2');
  c.call('XADD', 'st', '3-1', 'c', '3');
  c.call('XDEL', 'st', '3-1');
  c.call('XGROUP', 'CREATE', 'st', 'g1', '0');
  c.call('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', '1', 'STREAMS', 'st', '>');
  c.call('XGROUP', 'CREATECONSUMER', 'st', 'g1', 'bob');
  c.call('XADD', 'empty', 'MAXLEN', '0', '5-5', 'x', 'y');
  c.call('SELECT', '0');
}

function digest(c: ReturnType<Harness['client']>): unknown[] {
  const out: unknown[] = [];
  for (const db of ['0', '3']) {
    c.call('SELECT', db);
    out.push(c.call('DEBUG', 'DIGEST'), c.call('DBSIZE'));
  }
  c.call('SELECT', '3');
  out.push(c.call('XINFO', 'STREAM', 'st', 'FULL'), c.call('XINFO', 'STREAM', 'empty'));
  c.call('SELECT', '0');
  return out;
}

describe('AofService startup', () => {
  it('creates the directory with an empty base and a first incr file, as Redis on first start', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const { aof, logs } = server(cwd);
    await aof.startup();
    expect(files(cwd)).toEqual(['appendonly.aof.1.base.aof', 'appendonly.aof.1.incr.aof', 'appendonly.aof.manifest']);
    expect(manifest(cwd)).toBe('file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    expect(logs).toEqual(['Creating AOF base file appendonly.aof.1.base.aof on server start', 'Creating AOF incr file appendonly.aof.1.incr.aof on server start']);
  });

  it('appends writes to the incr file and a restart loads them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd);
    await a.aof.startup();
    fill(a.c);
    a.aof.beforeReply();
    expect(readFileSync(join(dirOf(cwd), 'appendonly.aof.1.incr.aof'), 'latin1').startsWith('*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$3\r\nstr\r\n')).toBe(true);
    const want = digest(a.c);
    a.aof.shutdown();
    const b = server(cwd);
    await b.aof.startup();
    expect(digest(b.c)).toEqual(want);
    // The base is empty (nothing to load), so only the incr file reports, as in Redis.
    expect(b.logs[0]).toMatch(/^DB loaded from incr file appendonly\.aof\.1\.incr\.aof: \d+\.\d{3} seconds$/);
    expect(b.logs[1]).toMatch(/^DB loaded from append only file: \d+\.\d{3} seconds$/);
    expect(b.logs[2]).toBe('Opening AOF incr file appendonly.aof.1.incr.aof on server start');
  });

  it('refuses a corrupt incr file and a bad manifest with Redis log lines', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd);
    await a.aof.startup();
    a.aof.shutdown();
    writeFileSync(join(dirOf(cwd), 'appendonly.aof.1.incr.aof'), '*1\r\n$4\r\nPING\r\n!!!');
    const b = server(cwd);
    await expect(b.aof.startup()).rejects.toThrow(Fatal);
    expect(b.logs.at(-1)).toBe('Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>');
    writeFileSync(join(dirOf(cwd), 'appendonly.aof.manifest'), 'file x seq 1 type q\n');
    const c = server(cwd);
    await expect(c.aof.startup()).rejects.toThrow('Unknown AOF file type');
  });

  it('logs command errors of the loaded AOF as CRITICAL and goes on', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd);
    await a.aof.startup();
    a.c.call('SET', 'k', 'x');
    a.aof.shutdown();
    writeFileSync(join(dirOf(cwd), 'appendonly.aof.1.incr.aof'), '*2\r\n$4\r\nINCR\r\n$1\r\nk\r\n*3\r\n$3\r\nSET\r\n$1\r\nj\r\n$1\r\n1\r\n', { flag: 'a' });
    const b = server(cwd);
    await b.aof.startup();
    expect(b.logs).toContain("== CRITICAL == This server is sending an error to its AOF-loading-client: 'ERR value is not an integer or out of range' after processing the command 'incr'");
    expect(b.c.call('GET', 'j')).toBe('1');
  });
});

describe('BGREWRITEAOF', () => {
  it.each(['no', 'yes'])('writes a new command base (timestamps %s), keeps concurrent writes, and retires old files', async (ts) => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd, { 'aof-timestamp-enabled': ts });
    await a.aof.startup();
    fill(a.c);
    expect(a.c.call('BGREWRITEAOF')).toEqual({ simple: 'Background append only file rewriting started' });
    expect(a.c.call('BGREWRITEAOF')).toEqual({ error: 'ERR Background append only file rewriting already in progress' });
    a.c.call('SET', 'during', 'rewrite');
    a.c.call('RPUSH', 'list', 'tail');
    await waitRewrite(a.aof);
    a.aof.beforeReply();
    expect(manifest(cwd)).toBe('file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n');
    expect(files(cwd)).toEqual(['appendonly.aof.2.base.aof', 'appendonly.aof.2.incr.aof', 'appendonly.aof.manifest']);
    const base = readFileSync(join(dirOf(cwd), 'appendonly.aof.2.base.aof'), 'latin1');
    expect(base.startsWith('#TS:')).toBe(ts === 'yes');
    expect(base).toContain('*7\r\n$6\r\nXSETID\r\n$2\r\nst\r\n$3\r\n3-1\r\n$12\r\nENTRIESADDED\r\n$1\r\n3\r\n$12\r\nMAXDELETEDID\r\n$3\r\n3-1\r\n');
    expect(base).toContain('$6\r\nXCLAIM\r\n$2\r\nst\r\n$2\r\ng1\r\n$5\r\nalice\r\n$1\r\n0\r\n$3\r\n1-1\r\n$4\r\nTIME\r\n');
    expect(base).toContain('*5\r\n$6\r\nXGROUP\r\n$14\r\nCREATECONSUMER\r\n$2\r\nst\r\n$2\r\ng1\r\n$3\r\nbob\r\n');
    expect(base).not.toContain('during');
    expect(a.logs).toEqual(expect.arrayContaining([
      'Creating AOF incr file appendonly.aof.2.incr.aof on background rewrite',
      `Background append only file rewriting started by pid ${process.pid}`,
      'Background AOF rewrite terminated with success',
      'Successfully renamed the temporary AOF base file ' + join(cwd, 'temp-rewriteaof-bg-1.aof') + ' into appendonly.aof.2.base.aof',
      'Removing the history file appendonly.aof.1.base.aof in the background',
      'Removing the history file appendonly.aof.1.incr.aof in the background',
      'Background AOF rewrite finished successfully',
    ]));
    const want = digest(a.c);
    a.aof.shutdown();
    const b = server(cwd);
    await b.aof.startup();
    expect(digest(b.c)).toEqual(want);
    expect(b.c.call('LINDEX', 'list', '-1')).toBe('tail');
    expect(b.c.call('PTTL', 'ttl')).toBeGreaterThan(3_000_000);
  });

  it('is scheduled inside a transaction', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd);
    await a.aof.startup();
    expect(a.aof.bgrewriteaof(true)).toEqual(reply.simple('Background append only file rewriting scheduled'));
    expect(a.aof.infoFields()).toContainEqual(['aof_rewrite_scheduled', 1]);
    a.aof.cron();
    expect(a.aof.infoFields()).toContainEqual(['aof_rewrite_in_progress', 1]);
    await waitRewrite(a.aof);
    expect(a.aof.infoFields()).toContainEqual(['aof_rewrites', 1]);
  });

  it('starts automatically from cron once the AOF grew by auto-aof-rewrite-percentage', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd, { 'auto-aof-rewrite-min-size': '100', 'auto-aof-rewrite-percentage': '100' });
    await a.aof.startup();
    a.c.call('SET', 'k', 'x'.repeat(200));
    a.aof.beforeReply();
    a.aof.cron();
    expect(a.logs).toContainEqual(expect.stringMatching(/^Starting automatic rewriting of AOF on \d+% growth$/));
    await waitRewrite(a.aof);
    expect(manifest(cwd)).toBe('file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n');
  });
});

describe('appendonly at runtime, DEBUG LOADAOF and INFO', () => {
  it('CONFIG SET appendonly yes writes a base by rewrite, then logs writes; no closes the AOF', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd, { appendonly: 'no' });
    await a.aof.startup();
    a.c.call('SET', 'before', '1');
    expect(a.aof.infoEnabledFields()).toEqual([]);
    expect(a.c.call('CONFIG', 'SET', 'appendonly', 'yes')).toEqual({ simple: 'OK' });
    a.c.call('SET', 'while', '2');
    await waitRewrite(a.aof);
    a.c.call('SET', 'after', '3');
    a.aof.beforeReply();
    expect(manifest(cwd)).toBe('file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    expect(a.aof.infoFields()[0]).toEqual(['aof_enabled', 1]);
    expect(a.c.call('CONFIG', 'SET', 'appendonly', 'no')).toEqual({ simple: 'OK' });
    a.c.call('SET', 'off', '4');
    const b = server(cwd);
    await b.aof.startup();
    expect(b.c.call('MGET', 'before', 'while', 'after', 'off')).toEqual(['1', '2', '3', null]);
  });

  it('DEBUG LOADAOF reloads the dataset from the files without logging itself', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd, { appendfsync: 'always' });
    await a.aof.startup();
    a.c.call('SET', 'k', 'v');
    a.c.call('SET', 'gone', 'x');
    a.c.call('DEL', 'gone');
    expect(a.c.call('DEBUG', 'LOADAOF')).toEqual({ simple: 'OK' });
    expect(a.logs.at(-1)).toBe('Append Only File loaded by DEBUG LOADAOF');
    expect(a.c.call('MGET', 'k', 'gone')).toEqual(['v', null]);
    await Promise.resolve();
    a.c.call('SET', 'k2', 'w');
    a.aof.beforeReply();
    const incr = readFileSync(join(dirOf(cwd), 'appendonly.aof.1.incr.aof'), 'latin1');
    expect(incr).not.toContain('DEBUG');
    expect(incr.endsWith('*2\r\n$3\r\nDEL\r\n$4\r\ngone\r\n*3\r\n$3\r\nSET\r\n$2\r\nk2\r\n$1\r\nw\r\n')).toBe(true);
    expect(a.aof.infoEnabledFields()[0]).toEqual(['aof_current_size', incr.length]);
  });

  it("INFO lists Redis's aof fields in order", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'aof-svc-'));
    const a = server(cwd);
    await a.aof.startup();
    expect(a.aof.infoFields().map(([k]) => k)).toEqual(['aof_enabled', 'aof_rewrite_in_progress', 'aof_rewrite_scheduled',
      'aof_last_rewrite_time_sec', 'aof_current_rewrite_time_sec', 'aof_last_bgrewrite_status', 'aof_rewrites',
      'aof_rewrites_consecutive_failures', 'aof_last_write_status', 'aof_last_cow_size']);
    expect(a.aof.infoEnabledFields()).toEqual([['aof_current_size', 0], ['aof_base_size', 0], ['aof_pending_rewrite', 0],
      ['aof_buffer_length', 0], ['aof_pending_bio_fsync', 0], ['aof_delayed_fsync', 0]]);
  });
});
