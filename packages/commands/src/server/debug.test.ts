// DEBUG: digests equal redis-server 7.0.15's for the same strings, POPULATE, OBJECT, SLEEP,
// and the enable-debug-command protection.

import { performance } from 'node:perf_hooks';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const debugOn = () => new Harness({ config: { 'enable-debug-command': 'yes' } });

describe('DEBUG', () => {
  it('is refused unless enable-debug-command allows the client', () => {
    expect(new Harness().client().call('DEBUG', 'DIGEST')).toEqual({ error:
      'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local ' +
      'connection, otherwise you need to set this option in the configuration file, and then restart the server.' });
    const local = new Harness({ config: { 'enable-debug-command': 'local' } });
    expect(local.client('127.0.0.1:5000').call('DEBUG', 'DIGEST')).toEqual({ simple: '0'.repeat(40) });
    expect(local.client('10.1.1.1:5000').call('DEBUG', 'DIGEST')).toHaveProperty('error');
  });

  it('DIGEST and DIGEST-VALUE equal redis-server 7.0.15 for the same string data', () => {
    const c = debugOn().client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', 'hello');
    c.call('SET', 'c', 'x'.repeat(100));
    c.call('SET', 'd', 'v', 'EX', 100);
    c.call('SELECT', 3);
    c.call('SET', 'a', '1');
    // Values taken from redis-server 7.0.15 after the same commands.
    expect(c.call('DEBUG', 'DIGEST')).toEqual({ simple: '3e60537220d4b6a6817a8c504c8d89de9e22fdd5' });
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'a', 'zz')).toEqual([
      { simple: 'b4fc66738120fba0b5aa500ab5c2bf89cea1c5da' }, { simple: '0'.repeat(40) }]);
  });

  it('DIGEST-VALUE of a list mixes its elements in order, as redis-server 7.0.15', () => {
    const c = debugOn().client();
    c.call('RPUSH', 'l', 'a', 'b', '3');
    c.call('RPUSH', 'big', ...Array.from({ length: 300 }, () => 'q'));
    // Values taken from redis-server 7.0.15 after the same commands.
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'l', 'big')).toEqual([
      { simple: '09eb1fc9381ee92790d59930ab462945f8cd948b' }, { simple: '16193e4181774b9e2d48ccf96d3d5ffa009fbb32' }]);
  });

  it('POPULATE creates key:N = value:N, skips existing keys, honours prefix and size', () => {
    const c = debugOn().client();
    c.call('SET', 'key:1', 'mine');
    expect(c.call('DEBUG', 'POPULATE', 3)).toEqual({ simple: 'OK' });
    expect([c.call('GET', 'key:0'), c.call('GET', 'key:1'), c.call('GET', 'key:2')]).toEqual(['value:0', 'mine', 'value:2']);
    c.call('DEBUG', 'POPULATE', 2, 'p', 10);
    expect(c.call('GET', 'p:1')).toBe('value:1\0\0\0');
    c.call('DEBUG', 'POPULATE', 1, 'q', 3);
    expect(c.call('GET', 'q:0')).toBe('val');
    expect(c.call('DBSIZE')).toBe(6);
    expect(c.call('DEBUG', 'POPULATE', -1)).toEqual({ error: 'ERR value is out of range, must be positive' });
    expect(c.call('DEBUG', 'POPULATE', 3, 'xx', 5, 6)).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'POPULATE'. Try DEBUG HELP." });
  });

  it('POPULATE of 100k keys stays fast', () => {
    const c = debugOn().client();
    const t = performance.now();
    c.call('DEBUG', 'POPULATE', 100_000);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(c.call('DBSIZE')).toBe(100_000);
  });

  it('OBJECT describes a key as Redis does', () => {
    const h = debugOn();
    const c = h.client();
    c.call('SET', 'n', '5');
    c.call('SET', 's', 'hello');
    h.advance(3000);
    expect((c.call('DEBUG', 'OBJECT', 'n') as { simple: string }).simple).toMatch(
      /^Value at:0x[0-9a-f]+ refcount:2147483647 encoding:int serializedlength:2 lru:\d+ lru_seconds_idle:3$/);
    expect((c.call('DEBUG', 'OBJECT', 's') as { simple: string }).simple).toMatch(
      /^Value at:0x[0-9a-f]+ refcount:1 encoding:embstr serializedlength:6 lru:\d+ lru_seconds_idle:3$/);
    expect(c.call('DEBUG', 'OBJECT', 'nokey')).toEqual({ error: 'ERR no such key' });
  });

  it('SLEEP blocks the thread for the given seconds', () => {
    const c = debugOn().client();
    const t = performance.now();
    expect(c.call('DEBUG', 'SLEEP', '0.05')).toEqual({ simple: 'OK' });
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
    expect(c.call('DEBUG', 'SLEEP', 'abc')).toEqual({ simple: 'OK' });
  });

  it('SET-ACTIVE-EXPIRE toggles the active expire cycle; CHANGE-REPL-ID renews the replid', () => {
    const h = debugOn();
    const c = h.client();
    expect(c.call('DEBUG', 'SET-ACTIVE-EXPIRE', 0)).toEqual({ simple: 'OK' });
    expect(h.keyspace.activeExpireEnabled).toBe(false);
    c.call('DEBUG', 'SET-ACTIVE-EXPIRE', 1);
    expect(h.keyspace.activeExpireEnabled).toBe(true);
    const before = h.core.replication.replid;
    expect(c.call('DEBUG', 'CHANGE-REPL-ID')).toEqual({ simple: 'OK' });
    expect(h.core.replication.replid).not.toBe(before);
    expect(c.call('DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '1k')).toEqual({ simple: 'OK' });
    expect(c.call('DEBUG', 'QUICKLIST-PACKED-THRESHOLD', 'abc')).toEqual({ error: 'ERR argument must be a memory value bigger than 1 and smaller than 4gb' });
  });

  it('HELP lists subcommands; unknown ones get the subcommand syntax error', () => {
    const c = debugOn().client();
    const help = c.call('DEBUG', 'HELP') as { simple: string }[];
    expect(help[0]).toEqual({ simple: 'DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:' });
    expect(help[1]).toEqual({ simple: 'AOF-FLUSH-SLEEP <microsec>' });
    expect(help.length).toBe(106);
    expect(c.call('DEBUG', 'JMAP')).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'JMAP'. Try DEBUG HELP." });
  });
});
