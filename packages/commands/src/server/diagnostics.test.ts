// SLOWLOG, LATENCY, MEMORY, TIME and SHUTDOWN answer in Redis 7.0's shapes and texts.

import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SLOWLOG', () => {
  it('records commands over the threshold as [id, time, duration, args, peer, name]', () => {
    const h = new Harness();
    const c = h.client('127.0.0.1:6001');
    c.call('CONFIG', 'SET', 'slowlog-log-slower-than', 0);
    c.call('CLIENT', 'SETNAME', 'me');
    c.call('SET', 'k', 'v');
    // CONFIG SET itself ran under the new threshold, so it is entry 0, as in Redis.
    const [entry] = c.call('SLOWLOG', 'GET', 1) as unknown[][];
    expect(c.call('SLOWLOG', 'LEN')).toBe(4);
    expect(entry?.[0]).toBe(2);
    expect(entry?.[1]).toBe(1_700_000_000);
    expect(typeof entry?.[2]).toBe('number');
    expect(entry?.slice(3)).toEqual([['SET', 'k', 'v'], '127.0.0.1:6001', 'me']);
    expect((c.call('SLOWLOG', 'GET', -1) as unknown[]).length).toBe(5);
    expect(c.call('SLOWLOG', 'RESET')).toEqual({ simple: 'OK' });
    expect(c.call('SLOWLOG', 'LEN')).toBe(1);
  });

  it('GET validates its count and argument number', () => {
    const c = new Harness().client();
    expect(c.call('SLOWLOG', 'GET', 'abc')).toEqual({ error: 'ERR count should be greater than or equal to -1' });
    expect(c.call('SLOWLOG', 'GET', -2)).toEqual({ error: 'ERR count should be greater than or equal to -1' });
    expect(c.call('SLOWLOG', 'GET', 1, 2)).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'get'. Try SLOWLOG HELP." });
    expect(c.call('SLOWLOG', 'FOO')).toEqual({ error: "ERR unknown subcommand 'FOO'. Try SLOWLOG HELP." });
    expect((c.call('SLOWLOG', 'HELP') as unknown[]).length).toBe(12);
  });
});

describe('LATENCY', () => {
  it('LATEST, HISTORY, GRAPH and RESET report recorded events', () => {
    const h = new Harness();
    const c = h.client();
    h.core.latency.add('command', 250, 1_700_000_000);
    h.core.latency.add('command', 500, 1_700_000_001);
    expect(c.call('LATENCY', 'LATEST')).toEqual([['command', 1_700_000_001, 500, 500]]);
    expect(c.call('LATENCY', 'HISTORY', 'command')).toEqual([[1_700_000_000, 250], [1_700_000_001, 500]]);
    expect(c.call('LATENCY', 'HISTORY', 'nosuch')).toEqual([]);
    h.advance(2000);
    const graph = c.call('LATENCY', 'GRAPH', 'command') as string;
    expect(graph.split('\n').slice(0, 2)).toEqual(['command - high 500 ms, low 250 ms (all time high 500 ms)', '-'.repeat(80)]);
    expect(graph.split('\n').slice(2)).toEqual([' #', ' |', ' |', '_|', '  ', '21', 'ss', '']);
    expect(c.call('LATENCY', 'GRAPH', 'nosuch')).toEqual({ error: "ERR No samples available for event 'nosuch'" });
    expect(c.call('LATENCY', 'RESET', 'nosuch', 'command')).toBe(1);
    expect(c.call('LATENCY', 'LATEST')).toEqual([]);
  });

  it('DOCTOR explains that monitoring is off, or describes the spikes', () => {
    const h = new Harness();
    const c = h.client();
    expect(c.call('LATENCY', 'DOCTOR')).toMatch(/^I'm sorry, Dave, I can't do that\. Latency monitoring is disabled/);
    c.call('CONFIG', 'SET', 'latency-monitor-threshold', 100);
    expect(c.call('LATENCY', 'DOCTOR')).toMatch(/^Dave, no latency spike was observed/);
    h.core.latency.add('command', 200, 1_700_000_000);
    const report = c.call('LATENCY', 'DOCTOR') as string;
    expect(report).toContain('1. command: 1 latency spikes (average 200ms, mean deviation 0ms, period 1.00 sec). Worst all time event 200ms.\n');
    expect(report).toContain("- Check your Slow Log to understand what are the commands you are running which are too slow to execute.");
  });

  it('HISTOGRAM gives cumulative log2 buckets per command', () => {
    const h = new Harness();
    const c = h.client();
    for (const us of [5, 6, 10, 60]) h.core.stats.recordLatency('set', us);
    expect(c.call('LATENCY', 'HISTOGRAM', 'set', 'nosuch')).toEqual(['set', ['calls', 4, 'histogram_usec', [8, 2, 16, 3, 66, 4]]]);
    expect(c.call('LATENCY', 'HISTOGRAM', 'get')).toEqual([]);
    expect((c.call('LATENCY', 'HELP') as unknown[]).length).toBe(17);
  });
});

describe('MEMORY', () => {
  it('USAGE sizes strings as Redis 7.0 on jemalloc does', () => {
    const c = new Harness().client();
    const usage = (v: string, key = 'k') => {
      c.call('SET', key, v);
      return c.call('MEMORY', 'USAGE', key);
    };
    // Figures measured on redis-server 7.0.15.
    expect(usage('1')).toBe(48);
    expect(usage('abc')).toBe(64);
    expect(usage('a'.repeat(44))).toBe(96);
    expect(usage('a'.repeat(45))).toBe(112);
    expect(usage('x'.repeat(1000))).toBe(1072);
    expect(usage('x'.repeat(10000))).toBe(10288);
    expect(usage('x'.repeat(100000))).toBe(114736);
    expect(usage('v', 'k'.repeat(50))).toBe(120);
    expect(c.call('MEMORY', 'USAGE', 'nokey')).toBeNull();
    expect(c.call('MEMORY', 'USAGE', 'k', 'SAMPLES', -1)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('MEMORY', 'USAGE', 'k', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('MEMORY', 'USAGE', 'k', 'SAMPLES', 0)).toBe(114736);
  });

  it('STATS, DOCTOR, MALLOC-STATS, PURGE and HELP answer', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    const stats = c.call('MEMORY', 'STATS') as unknown[];
    expect(stats.filter((_, i) => i % 2 === 0).slice(0, 11)).toEqual(['peak.allocated', 'total.allocated', 'startup.allocated',
      'replication.backlog', 'clients.slaves', 'clients.normal', 'cluster.links', 'aof.buffer', 'lua.caches', 'functions.caches', 'db.0']);
    expect(stats[stats.indexOf('keys.count') + 1]).toBe(1);
    expect(c.call('MEMORY', 'DOCTOR')).toMatch(/^(Hi Sam|Sam, I detected)/);
    expect(c.call('MEMORY', 'PURGE')).toEqual({ simple: 'OK' });
    expect(typeof c.call('MEMORY', 'MALLOC-STATS')).toBe('string');
    expect((c.call('MEMORY', 'HELP') as unknown[]).length).toBe(14);
    expect(c.call('MEMORY', 'USAGE')).toEqual({ error: "ERR wrong number of arguments for 'memory|usage' command" });
  });
});

describe('TIME and SHUTDOWN', () => {
  it('TIME answers seconds and microseconds as bulk strings', () => {
    const h = new Harness();
    h.advance(1234);
    expect(h.client().call('TIME')).toEqual(['1700000001', '234000']);
  });

  it('SHUTDOWN parses its flags and hands them to the app', () => {
    const h = new Harness();
    const seen: unknown[] = [];
    h.core.shutdownHandler = (opts) => {
      seen.push(opts);
      return undefined;
    };
    const c = h.client();
    expect(c.send('SHUTDOWN', 'NOSAVE', 'NOW')).toEqual([]);
    expect(seen).toEqual([{ nosave: true, now: true }]);
    expect(c.call('SHUTDOWN', 'SAVE', 'NOSAVE')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SHUTDOWN', 'ABORT', 'NOW')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SHUTDOWN', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SHUTDOWN', 'ABORT')).toEqual({ error: 'ERR No shutdown in progress.' });
  });
});
