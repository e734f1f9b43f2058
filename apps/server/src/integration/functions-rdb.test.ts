// Function libraries cross the RDB both ways with redis-server 7.0.15: a dump.rdb holding
// libraries (FUNCTION2 records, LZF-compressed code) written by Redis loads into Cinnabar with
// the same FUNCTION LIST and callable functions, and Cinnabar's dump.rdb loads into Redis.

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, redisCli, startServer, type ServerKind, stopAll } from '@cinnabar/testing';

const root = mkdtempSync(join(tmpdir(), 'cinnabar-functions-rdb-'));
const procs: ManagedProcess[] = [];
afterAll(async () => {
  await stopAll(...procs);
  rmSync(root, { recursive: true, force: true });
});

const LIBRARIES: Record<string, string> = {
  mathlib: "#!lua name=mathlib\nlocal function add(a, b) return a + b end\nredis.register_function{function_name='add', callback=function(keys, args) return add(tonumber(args[1]), tonumber(args[2])) end, description='adds two numbers', flags={'no-writes', 'allow-stale'}}",
  kvlib: "#!lua name=kvlib\nredis.register_function('kvset', function(keys, args) return redis.call('set', keys[1], args[1]) end)",
  plain: "#!lua name=plain\nredis.register_function('hello', function() return 'hello' end)",
};

async function start(kind: ServerKind, dir: string): Promise<ManagedProcess> {
  const p = await startServer(kind, { directives: { dir, appendonly: 'no', 'enable-debug-command': 'yes' } });
  procs.push(p);
  return p;
}

async function cli(p: ManagedProcess, ...args: string[]): Promise<string> {
  const r = await redisCli(p.port, args);
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** Each library's FUNCTION LIST entry (with its code), by library name. */
async function listing(p: ManagedProcess): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(LIBRARIES)) out[name] = await cli(p, 'FUNCTION', 'LIST', 'LIBRARYNAME', name, 'WITHCODE');
  return out;
}

async function saveAndMove(from: ManagedProcess, fromDir: string, name: string): Promise<string> {
  expect(await cli(from, 'SAVE')).toBe('OK\n');
  const dir = mkdtempSync(join(root, `${name}-`));
  copyFileSync(join(fromDir, 'dump.rdb'), join(dir, 'dump.rdb'));
  return dir;
}

async function fill(p: ManagedProcess): Promise<void> {
  for (const [name, code] of Object.entries(LIBRARIES)) expect(await cli(p, 'FUNCTION', 'LOAD', code)).toBe(`${name}\n`);
  expect(await cli(p, 'SET', 'k', 'v')).toBe('OK\n');
}

async function checkLoaded(p: ManagedProcess, expected: Record<string, string>): Promise<void> {
  expect(await listing(p)).toEqual(expected);
  expect(await cli(p, 'FUNCTION', 'STATS')).toBe('running_script\n\nengines\nLUA\nlibraries_count\n3\nfunctions_count\n3\n');
  expect(await cli(p, 'FCALL', 'add', '0', '2', '40')).toBe('42\n');
  expect(await cli(p, 'FCALL', 'KVSET', '1', 'x', 'y')).toBe('OK\n');
  expect(await cli(p, 'GET', 'k')).toBe('v\n');
}

describe('function libraries in dump.rdb', () => {
  test("redis-server's dump.rdb with libraries loads into Cinnabar with the same FUNCTION LIST", async () => {
    const redisDir = mkdtempSync(join(root, 'redis-'));
    const redis = await start('redis', redisDir);
    await fill(redis);
    const expected = await listing(redis);
    expect(expected['mathlib']).toContain('adds two numbers\nflags\nno-writes\nallow-stale\n');
    const dir = await saveAndMove(redis, redisDir, 'to-cinnabar');
    const cinnabar = await start('cinnabar', dir);
    await checkLoaded(cinnabar, expected);
  }, 60_000);

  test("Cinnabar's dump.rdb with libraries loads into redis-server with the same FUNCTION LIST", async () => {
    const cinnabarDir = mkdtempSync(join(root, 'cinnabar-'));
    const cinnabar = await start('cinnabar', cinnabarDir);
    await fill(cinnabar);
    const expected = await listing(cinnabar);
    const dir = await saveAndMove(cinnabar, cinnabarDir, 'to-redis');
    const redis = await start('redis', dir);
    await checkLoaded(redis, expected);
  }, 60_000);
});
