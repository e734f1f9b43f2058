// CONFIG GET / SET / RESETSTAT / REWRITE / HELP behave as Redis 7.0.15: patterns and aliases,
// atomic multi-parameter SET, Redis's error texts, immutable and protected parameters.

import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const ok = { simple: 'OK' };

describe('CONFIG GET', () => {
  it('answers a name under the spelling asked, and a pattern with names and aliases', () => {
    const c = new Harness().client();
    expect(c.call('CONFIG', 'GET', 'MAXMEMORY')).toEqual(['MAXMEMORY', '0']);
    expect(c.call('CONFIG', 'GET', 'slave-read-only')).toEqual(['slave-read-only', 'yes']);
    const pairs = c.call('CONFIG', 'GET', '*-read-only') as string[];
    expect(pairs).toEqual(['replica-read-only', 'yes', 'slave-read-only', 'yes']);
    expect(c.call('CONFIG', 'GET', 'nosuch')).toEqual([]);
  });

  it('several arguments give one entry per name, hidden parameters only by exact name', () => {
    const c = new Harness().client();
    const res = c.call('CONFIG', 'GET', 'maxmemory', 'maxmemory*', 'bind', '*of') as string[];
    const names = res.filter((_, i) => i % 2 === 0);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['maxmemory', 'maxmemory-samples', 'maxmemory-clients', 'bind', 'replicaof', 'slaveof']));
    const all = (c.call('CONFIG', 'GET', '*') as string[]).filter((_, i) => i % 2 === 0);
    expect(all).not.toContain('key-load-delay');
    expect(all.length).toBe(192);
    expect(c.call('CONFIG', 'GET', 'key-load-delay')).toEqual(['key-load-delay', '0']);
  });

  it('reports Redis 7.0 defaults', () => {
    const c = new Harness().client();
    const get = (n: string) => (c.call('CONFIG', 'GET', n) as string[])[1];
    expect(get('save')).toBe('3600 1 300 100 60 10000');
    expect(get('hash-max-listpack-entries')).toBe('512');
    expect(get('client-output-buffer-limit')).toBe('normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60');
    expect(get('latency-tracking-info-percentiles')).toBe('50 99 99.9');
    expect(get('unixsocketperm')).toBe('0');
    expect(get('shutdown-on-sigterm')).toBe('default');
  });
});

describe('CONFIG SET', () => {
  it('sets several parameters at once', () => {
    const c = new Harness().client();
    expect(c.call('CONFIG', 'SET', 'maxmemory', '10000001', 'repl-backlog-size', '10000002', 'save', '3000 5')).toEqual(ok);
    expect(c.call('CONFIG', 'GET', 'maxmemory', 'repl-backlog-size', 'save')).toEqual(
      ['maxmemory', '10000001', 'repl-backlog-size', '10000002', 'save', '3000 5']);
    expect(c.call('CONFIG', 'SET', 'maxmemory', '1gb')).toEqual(ok);
    expect(c.call('CONFIG', 'GET', 'maxmemory')).toEqual(['maxmemory', '1073741824']);
  });

  it('rolls everything back when one value is bad', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'maxmemory', '10000002');
    expect(c.call('CONFIG', 'SET', 'maxmemory', '10000001', 'maxmemory-clients', '200%', 'client-query-buffer-limit', 'invalid')).toEqual(
      { error: "ERR CONFIG SET failed (possibly related to argument 'maxmemory-clients') - percentage argument must be less or equal to 100" });
    expect(c.call('CONFIG', 'GET', 'maxmemory', 'maxmemory-clients')).toEqual(['maxmemory', '10000002', 'maxmemory-clients', '0']);
    expect(c.call('CONFIG', 'SET', 'maxmemory-clients', '10%')).toEqual(ok);
    expect(c.call('CONFIG', 'GET', 'maxmemory-clients')).toEqual(['maxmemory-clients', '10%']);
  });

  it('replies with Redis error texts', () => {
    const c = new Harness().client();
    const fail = (arg: string, why: string) => ({ error: `ERR CONFIG SET failed (possibly related to argument '${arg}') - ${why}` });
    expect(c.call('CONFIG', 'SET', 'maxmemory', 'foo')).toEqual(fail('maxmemory', 'argument must be a memory value'));
    expect(c.call('CONFIG', 'SET', 'maxmemory', '-1')).toEqual(fail('maxmemory', 'argument must be a memory value'));
    expect(c.call('CONFIG', 'SET', 'port', '70000')).toEqual(fail('port', 'argument must be between 0 and 65535 inclusive'));
    expect(c.call('CONFIG', 'SET', 'hz', 'abc')).toEqual(fail('hz', "argument couldn't be parsed into an integer"));
    expect(c.call('CONFIG', 'SET', 'hz', '-1')).toEqual(fail('hz', 'argument must be between 0 and 2147483647 inclusive'));
    expect(c.call('CONFIG', 'SET', 'slowlog-max-len', '-1')).toEqual(fail('slowlog-max-len', 'argument must be between 0 and 9223372036854775807 inclusive'));
    expect(c.call('CONFIG', 'SET', 'appendonly', 'maybe')).toEqual(fail('appendonly', "argument must be 'yes' or 'no'"));
    expect(c.call('CONFIG', 'SET', 'maxmemory-policy', 'x')).toEqual(fail('maxmemory-policy',
      'argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction'));
    expect(c.call('CONFIG', 'SET', 'notify-keyspace-events', 'Q')).toEqual(fail('notify-keyspace-events', "Invalid event class character. Use 'Ag$lshzxeKEtmdn'."));
    expect(c.call('CONFIG', 'SET', 'save', '1 2 3')).toEqual(fail('save', 'Invalid save parameters'));
    expect(c.call('CONFIG', 'SET', 'client-output-buffer-limit', 'foo 1 2 3')).toEqual(fail('client-output-buffer-limit', 'Invalid client class specified in buffer limit configuration.'));
    expect(c.call('CONFIG', 'SET', 'foo', 'bar')).toEqual({ error: "ERR Unknown option or number of arguments for CONFIG SET - 'foo'" });
    expect(c.call('CONFIG', 'SET', 'maxmemory', '1', 'maxmemory', '2')).toEqual(fail('maxmemory', 'duplicate parameter'));
    expect(c.call('CONFIG', 'SET', 'daemonize', 'yes')).toEqual(fail('daemonize', "can't set immutable config"));
    expect(c.call('CONFIG', 'SET', 'dir', '/tmp')).toEqual(fail('dir', "can't set protected config"));
    expect(c.call('CONFIG', 'SET', 'maxmemory', '1', 'hz')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('CONFIG', 'SET', 'maxmemory')).toEqual({ error: "ERR wrong number of arguments for 'config|set' command" });
  });

  it('shutdown-on-sig flags and client-output-buffer-limit keep Redis canonical spellings', () => {
    const c = new Harness().client();
    expect(c.call('CONFIG', 'SET', 'shutdown-on-sigterm', 'now NOSAVE')).toEqual(ok);
    expect(c.call('CONFIG', 'GET', 'shutdown-on-sigterm')).toEqual(['shutdown-on-sigterm', 'nosave now']);
    expect(c.call('CONFIG', 'SET', 'shutdown-on-sigterm', 'save nosave')).toEqual(
      { error: "ERR CONFIG SET failed (possibly related to argument 'shutdown-on-sigterm') - shutdown options SAVE and NOSAVE can't be used simultaneously" });
    expect(c.call('CONFIG', 'SET', 'client-output-buffer-limit', 'replica 1mb 2kb 30')).toEqual(ok);
    expect(c.call('CONFIG', 'GET', 'client-output-buffer-limit')).toEqual(
      ['client-output-buffer-limit', 'normal 0 0 0 slave 1048576 2048 30 pubsub 33554432 8388608 60']);
    expect(c.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEA')).toEqual(ok);
    expect(c.call('CONFIG', 'GET', 'notify-keyspace-events')).toEqual(['notify-keyspace-events', 'AKE']);
  });

  it('a protected parameter can be set when enable-protected-configs allows this client', () => {
    const h = new Harness({ config: { 'enable-protected-configs': 'local' } });
    expect(h.client('10.0.0.1:4000').call('CONFIG', 'SET', 'dbfilename', 'x.rdb')).toEqual(
      { error: "ERR CONFIG SET failed (possibly related to argument 'dbfilename') - can't set protected config" });
    expect(h.client('127.0.0.1:4000').call('CONFIG', 'SET', 'dbfilename', 'x.rdb')).toEqual(ok);
  });
});

describe('CONFIG REWRITE, RESETSTAT and HELP', () => {
  it('REWRITE without a config file is refused', () => {
    const c = new Harness().client();
    expect(c.call('CONFIG', 'REWRITE')).toEqual({ error: 'ERR The server is running without a config file' });
  });

  it('REWRITE hands the work to the app port', () => {
    const h = new Harness();
    const calls: boolean[] = [];
    h.core.configRewriter = (force) => calls.push(force);
    expect(h.client().call('CONFIG', 'REWRITE')).toEqual(ok);
    expect(calls).toEqual([false]);
  });

  it('HELP lists the subcommands', () => {
    const c = new Harness().client();
    expect(c.call('CONFIG', 'HELP')).toEqual([
      'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'GET <pattern>',
      '    Return parameters matching the glob-like <pattern> and their values.', 'SET <directive> <value>',
      '    Set the configuration <directive> to <value>.', 'RESETSTAT', '    Reset statistics reported by the INFO command.',
      'REWRITE', '    Rewrite the configuration file.', 'HELP', '    Prints this help.',
    ].map((simple) => ({ simple })));
    expect(c.call('CONFIG', 'NOSUCH')).toEqual({ error: "ERR unknown subcommand 'NOSUCH'. Try CONFIG HELP." });
  });
});
