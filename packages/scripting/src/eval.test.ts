// EVAL / EVALSHA / EVAL_RO: Redis 7.0's conversions, error texts, script cache, flags and the
// sandbox, with commands run through the dispatcher (propagation, WATCH, blocked clients).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';
import { evalCommands } from './index.js';

function harness(config?: Record<string, string>): Harness {
  const h = new Harness(config ? { config } : {});
  if (h.core.commands.lookup('eval') === undefined) h.core.commands.addAll(evalCommands);
  return h;
}

const sha = (body: string): string => {
  const c = harness().client();
  return c.call('SCRIPT', 'LOAD', body) as string;
};

describe('EVAL conversions', () => {
  it('converts Lua values to replies as Redis does', () => {
    const c = harness().client();
    expect(c.call('EVAL', "return 'hello'", 0)).toBe('hello');
    expect(c.call('EVAL', 'return 100.5', 0)).toBe(100);
    expect(c.call('EVAL', 'return -3.9', 0)).toBe(-3);
    expect(c.call('EVAL', 'return true', 0)).toBe(1);
    expect(c.call('EVAL', 'return false', 0)).toBe(null);
    expect(c.call('EVAL', 'return nil', 0)).toBe(null);
    expect(c.call('EVAL', "return {1,2,3,'ciao',{1,2}}", 0)).toEqual([1, 2, 3, 'ciao', [1, 2]]);
    expect(c.call('EVAL', 'return {1,2,nil,4}', 0)).toEqual([1, 2]);
    expect(c.call('EVAL', "return {ok='fine'}", 0)).toEqual({ simple: 'fine' });
    expect(c.call('EVAL', "return {err='My Error'}", 0)).toEqual({ error: 'My Error' });
    expect(c.call('EVAL', "return redis.error_reply('My Error')", 0)).toEqual({ error: 'My Error' });
    expect(c.call('EVAL', "return redis.status_reply('Fine')", 0)).toEqual({ simple: 'Fine' });
    expect(c.call('EVAL', 'return _G', 0)).toEqual([]);
  });

  it('converts command replies to Lua values (RESP2)', () => {
    const c = harness().client();
    c.call('SET', 'x', '5');
    expect(c.call('EVAL', "return type(redis.call('get','x'))", 0)).toBe('string');
    expect(c.call('EVAL', "return type(redis.call('get','nokey'))", 0)).toBe('boolean');
    expect(c.call('EVAL', "return redis.call('incr','x')", 0)).toBe(6);
    expect(c.call('EVAL', "return redis.call('set','y','z').ok", 0)).toBe('OK');
    c.call('HSET', 'h', 'f', 'v');
    expect(c.call('EVAL', "return redis.call('hgetall','h')", 0)).toEqual(['f', 'v']);
  });

  it('converts RESP3 replies after redis.setresp(3)', () => {
    const c = harness().client();
    c.call('HSET', 'h', 'f', 'v');
    c.call('ZADD', 'z', '1.5', 'm');
    expect(c.call('EVAL', "redis.setresp(3); return redis.call('hgetall','h').map.f", 0)).toBe('v');
    expect(c.call('EVAL', "redis.setresp(3); return tostring(redis.call('zscore','z','m').double)", 0)).toBe('1.5');
    expect(c.call('EVAL', "redis.setresp(3); return redis.call('get','nokey') == nil", 0)).toBe(1);
    expect(c.call('EVAL', "redis.setresp(3); return true", 0)).toBe(1);
    c.call('HELLO', '3');
    expect(c.call('EVAL', "redis.setresp(3); return {double=3.5}", 0)).toEqual({ double: 3.5 });
    expect(c.call('EVAL', "redis.setresp(3); return false", 0)).toBe(false);
    expect(c.call('EVAL', "return {map={a=1}}", 0)).toEqual({ map: ['a', 1] });
  });

  it('passes numbers to commands with %.17g', () => {
    const c = harness().client();
    expect(c.call('EVAL', "redis.call('set','n',0.1) return redis.call('get','n')", 0)).toBe('0.10000000000000001');
    expect(c.call('EVAL', "redis.call('set','n',42) return redis.call('get','n')", 0)).toBe('42');
  });

  it('fills KEYS and ARGV', () => {
    const c = harness().client();
    expect(c.call('EVAL', 'return {KEYS[1],KEYS[2],ARGV[1],ARGV[2]}', 2, 'a', 'b', 'c', 'd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('EVAL errors', () => {
  it('reports runtime, call and compile errors with Redis 7.0 texts', () => {
    const c = harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('EVAL', "error('x')", 0)).toEqual({ error: 'ERR user_script:1: x script: 9851144f39f03a0d597a980c5aa79c80cb696891, on @user_script:1.' });
    expect(c.call('EVAL', "redis.call('nosuch')", 0)).toEqual({ error: 'ERR Unknown Redis command called from script script: 430a4c08007a56d804d36fb3892501d47c06f338, on @user_script:1.' });
    expect(c.call('EVAL', "return redis.call('incr','k','x')", 0)).toEqual({ error: 'ERR Wrong number of args calling Redis command from script script: efb5d2e456564c7a4cc225598986cf4cf38068da, on @user_script:1.' });
    expect(c.call('EVAL', "return redis.call('incr','s')", 0)).toEqual({ error: 'ERR value is not an integer or out of range script: c243b9f46db13ba8f69da41b45a77708832babed, on @user_script:1.' });
    expect(c.call('EVAL', "return redis.pcall('incr','s')", 0)).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('EVAL', 'return 1 +', 0)).toEqual({ error: "ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'" });
    expect(c.call('EVAL', "redis.call('multi')", 0)).toMatchObject({ error: expect.stringMatching(/^ERR This Redis command is not allowed from script script: /) });
    expect(c.call('EVAL', 'return redis.call()', 0)).toMatchObject({ error: expect.stringMatching(/^ERR Please specify at least one argument for this redis lib call script/) });
    expect(c.call('EVAL', "return redis.call('get', {})", 0)).toMatchObject({ error: expect.stringMatching(/^ERR Lua redis lib command arguments must be strings or integers script/) });
  });

  it('validates numkeys', () => {
    const c = harness().client();
    expect(c.call('EVAL', 'return 1', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('EVAL', 'return 1', 2, 'a')).toEqual({ error: "ERR Number of keys can't be greater than number of args" });
    expect(c.call('EVAL', 'return 1', -1)).toEqual({ error: "ERR Number of keys can't be negative" });
    expect(c.call('EVAL', 'return 1')).toEqual({ error: "ERR wrong number of arguments for 'eval' command" });
  });

  it('pcall returns the message of a redis.call error', () => {
    const c = harness().client();
    expect(c.call('EVAL', "local ok, e = pcall(function() redis.call('nosuch') end) return {tostring(ok), e}", 0))
      .toEqual(['false', 'ERR Unknown Redis command called from script']);
    expect(c.call('EVAL', "local ok, e = pcall(function() error('in') end) return e", 0)).toBe('user_script:1: in');
  });
});

describe('sandbox', () => {
  it('protects globals and library tables', () => {
    const c = harness().client();
    expect(c.call('EVAL', 'return a', 0)).toEqual({ error: "ERR user_script:1: Script attempted to access nonexistent global variable 'a' script: bbfcd1ececc90deec823f7fb730e4bfb2a4ba625, on @user_script:1." });
    expect(c.call('EVAL', 'a=10', 0)).toEqual({ error: 'ERR user_script:1: Attempt to modify a readonly table script: 933044db579a2f8fd45d8065f04a8d0249383e57, on @user_script:1.' });
    for (const body of ['setmetatable(_G, {})', 'local g = getmetatable(_G) g.__index = {}', 'redis = function() return 1 end',
      '_G = {}', 'redis.call = function() return 1 end', 'cjson.encode = function() return 1 end', 'bit.lshift = nil', 'cmsgpack.pack = 1']) {
      expect(c.call('EVAL', body, 0)).toMatchObject({ error: expect.stringContaining('Attempt to modify a readonly table') });
    }
    for (const name of ['print', 'loadfile', 'dofile']) {
      expect(c.call('EVAL', `${name}('x')`, 0)).toMatchObject({ error: expect.stringContaining(`nonexistent global variable '${name}'`) });
    }
    expect(c.call('EVAL', 'return loadstring(string.dump(function() return 1 end))()', 0)).toMatchObject({ error: expect.stringContaining('attempt to call a nil value') });
  });

  it('exposes redis.sha1hex, versions and a seeded math.random', () => {
    const c = harness().client();
    expect(c.call('EVAL', "return redis.sha1hex('Pizza & Mandolino')", 0)).toBe('74822d82031af7493c20eefa13bd07ec4fada82f');
    expect(c.call('EVAL', 'return redis.REDIS_VERSION', 0)).toBe('7.0.15');
    expect(c.call('EVAL', 'return redis.REDIS_VERSION_NUM', 0)).toBe(0x07000f);
    expect(c.call('EVAL', 'math.randomseed(1) return tostring(math.random())', 0)).toBe('0.041630344484761');
    expect(c.call('EVAL', 'return redis.replicate_commands()', 0)).toBe(1);
    expect(c.call('EVAL', 'redis.set_repl(12345)', 0)).toMatchObject({ error: expect.stringContaining('Invalid replication flags') });
  });
});

describe('script cache', () => {
  it('EVALSHA runs cached scripts and answers NOSCRIPT otherwise', () => {
    const c = harness().client();
    expect(c.call('SCRIPT', 'LOAD', 'return 7')).toBe('59b6ab2fbe0ee4b25733de0f62e6cda4899ef8e9');
    expect(c.call('EVALSHA', '59B6AB2FBE0EE4B25733DE0F62E6CDA4899EF8E9', 0)).toBe(7);
    expect(c.call('EVALSHA', 'abc', 0)).toEqual({ error: 'NOSCRIPT No matching script. Please use EVAL.' });
    expect(c.call('SCRIPT', 'EXISTS', '59b6ab2fbe0ee4b25733de0f62e6cda4899ef8e9', 'ffff')).toEqual([1, 0]);
    expect(c.call('SCRIPT', 'FLUSH', 'now')).toEqual({ error: 'ERR SCRIPT FLUSH only support SYNC|ASYNC option' });
    expect(c.call('SCRIPT', 'FLUSH', 'ASYNC')).toEqual({ simple: 'OK' });
    expect(c.call('EVALSHA', '59b6ab2fbe0ee4b25733de0f62e6cda4899ef8e9', 0)).toEqual({ error: 'NOSCRIPT No matching script. Please use EVAL.' });
    expect(c.call('SCRIPT', 'LOAD', 'return +')).toMatchObject({ error: expect.stringContaining('Error compiling script') });
  });

  it('EVAL caches its script for EVALSHA', () => {
    const c = harness().client();
    c.call('EVAL', "return 'x'", 0);
    expect(c.call('EVALSHA', sha("return 'x'"), 0)).toBe('x');
  });
});

describe('flags and read-only scripts', () => {
  it('EVAL_RO and no-writes refuse writes', () => {
    const c = harness().client();
    expect(c.call('EVAL_RO', "return redis.call('set','x',1)", 0)).toMatchObject({ error: expect.stringMatching(/^ERR Write commands are not allowed from read-only scripts\. script: /) });
    expect(c.call('EVAL', "#!lua flags=no-writes\nreturn redis.call('set','x',1)", 0)).toMatchObject({ error: expect.stringMatching(/^ERR Write commands are not allowed from read-only scripts/) });
    expect(c.call('EVAL_RO', "#!lua\nreturn 1", 0)).toEqual({ error: 'ERR Can not execute a script with write flag using *_ro command.' });
    expect(c.call('EVAL_RO', "#!lua flags=no-writes\nreturn redis.call('get','x')", 0)).toBe(null);
  });

  it('parses shebangs with Redis errors', () => {
    const c = harness().client();
    expect(c.call('EVAL', '#!not-lua\nreturn 1', 0)).toEqual({ error: 'ERR Unexpected engine in script shebang: #!not-lua' });
    expect(c.call('EVAL', '#!lua badger=data\nreturn 1', 0)).toEqual({ error: 'ERR Unknown lua shebang option: badger=data' });
    expect(c.call('EVAL', '#!lua flags=allow-oom,what?\nreturn 1', 0)).toEqual({ error: 'ERR Unexpected flag in script shebang: what?' });
    expect(c.call('EVAL', '#!lua', 0)).toEqual({ error: 'ERR Invalid script shebang' });
    expect(c.call('EVAL', "#!lua\nreturn 1", 0)).toBe(1);
  });

  it('denies writes under OOM unless allow-oom', () => {
    const c = harness().client();
    c.call('SET', 'x', '123');
    c.call('CONFIG', 'SET', 'maxmemory', '1');
    expect(c.call('EVAL', "redis.call('set','x',1)", 1, 'x')).toMatchObject({ error: expect.stringMatching(/^OOM command not allowed when used memory > 'maxmemory'\. script/) });
    expect(c.call('EVAL', "return redis.call('get','x')", 1, 'x')).toBe('123');
    expect(c.call('EVAL', '#!lua flags=\nreturn 1', 0)).toEqual({ error: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(c.call('EVAL', "#!lua flags=allow-oom\nredis.call('set','x',1) return 1", 1, 'x')).toBe(1);
    expect(c.call('EVAL', "#!lua flags=no-writes\nredis.call('get','x') return 1", 0)).toBe(1);
    c.call('CONFIG', 'SET', 'maxmemory', '0');
  });
});

describe('scripts and the rest of the server', () => {
  it("propagates a script's writes wrapped in MULTI/EXEC, never the EVAL", () => {
    const h = harness();
    const c = h.client();
    const effects = h.recordEffects();
    c.call('EVAL', "redis.call('set','a','1') redis.call('incr','a') return 1", 0);
    c.call('EVAL', "return redis.call('get','a')", 0);
    c.call('EVAL', "redis.call('set','b','2')", 0);
    expect(effects).toEqual([['SELECT', '0'], ['MULTI'], ['set', 'a', '1'], ['incr', 'a'], ['EXEC'], ['set', 'b', '2']]);
  });

  it('breaks WATCH of keys the script writes', () => {
    const h = harness();
    const a = h.client();
    const b = h.client();
    a.call('WATCH', 'k');
    b.call('EVAL', "redis.call('set','k','v')", 0);
    a.call('MULTI');
    a.call('PING');
    expect(a.call('EXEC')).toBe(null);
  });

  it('runs EVAL inside MULTI/EXEC', () => {
    const c = harness().client();
    c.call('MULTI');
    expect(c.call('EVAL', "return redis.call('incr','n')", 0)).toEqual({ simple: 'QUEUED' });
    expect(c.call('EVAL', "return redis.call('incr','n')", 0)).toEqual({ simple: 'QUEUED' });
    expect(c.call('EXEC')).toEqual([1, 2]);
  });

  it('serves a blocked client after the script, seeing its last push', () => {
    const h = harness();
    const blocked = h.client();
    const c = h.client();
    expect(blocked.send('BLPOP', 'q', '0')).toEqual([]);
    c.call('EVAL', "redis.call('lpush','q','a') redis.call('lpush','q','b')", 0);
    expect(blocked.drain()).toEqual([['q', 'b']]);
  });

  it('refuses blocking commands inside scripts (they are noscript)', () => {
    const c = harness().client();
    expect(c.call('EVAL', "return redis.call('blpop','nolist',0)", 0)).toEqual({
      error: 'ERR This Redis command is not allowed from script script: abca6f0af300bbde50e15c9226201a7d087652cf, on @user_script:1.',
    });
  });

  it('counts an error from a command once in errorstats', () => {
    const h = harness({ maxmemory: '0' });
    const c = h.client();
    c.call('EVAL', "return redis.call('select',99)", 0);
    expect(h.core.stats.errors.get('ERR')).toBe(1);
    expect(h.core.stats.totalErrorReplies).toBe(1);
    expect(h.core.stats.command('eval').failedCalls).toBe(1);
    expect(h.core.stats.command('select').failedCalls).toBe(1);
  });
});
