// INFO renders Redis 7.0's sections, field names and CRLF layout; sections can be chosen,
// replaced or added by other packages.

import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function fields(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) m.set(line.slice(0, i), line.slice(i + 1));
  }
  return m;
}

describe('INFO', () => {
  it('the default sections come in Redis order with headers and CRLF line ends', () => {
    const c = new Harness().client();
    const text = c.call('INFO') as string;
    const headers = text.split('\r\n').filter((l) => l.startsWith('# '));
    expect(headers).toEqual(['# Server', '# Clients', '# Memory', '# Persistence', '# Stats', '# Replication', '# CPU',
      '# Modules', '# Errorstats', '# Cluster', '# Keyspace']);
    expect(text.startsWith('# Server\r\nredis_version:7.0.15\r\n')).toBe(true);
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
  });

  it('one section answers alone; all adds commandstats and latencystats; unknown is empty', () => {
    const c = new Harness().client();
    expect((c.call('INFO', 'cluster') as string)).toBe('# Cluster\r\ncluster_enabled:0\r\n');
    expect(c.call('INFO', 'nosuch')).toBe('');
    const all = (c.call('INFO', 'all') as string).split('\r\n').filter((l) => l.startsWith('# '));
    expect(all).toContain('# Commandstats');
    expect(all).toContain('# Latencystats');
    expect((c.call('INFO', 'CPU', 'cluster') as string).split('\r\n').filter((l) => l.startsWith('# '))).toEqual(['# CPU', '# Cluster']);
  });

  it('server fields describe this server', () => {
    const h = new Harness();
    const c = h.client();
    h.advance(90_000);
    const f = fields(c.call('INFO', 'server') as string);
    expect(f.get('redis_mode')).toBe('standalone');
    expect(f.get('uptime_in_seconds')).toBe('90');
    expect(f.get('uptime_in_days')).toBe('0');
    expect(f.get('tcp_port')).toBe('6379');
    expect(f.get('run_id')).toBe('0'.repeat(40));
    expect(f.get('hz')).toBe('10');
    expect(f.get('arch_bits')).toBe('64');
    expect(f.get('executable')).toBe('/usr/bin/cinnabar-server');
  });

  it('keyspace lists non-empty databases with keys, expires and avg_ttl', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '1', 'PX', '10000');
    c.call('SELECT', '2');
    c.call('SET', 'c', '1');
    expect(c.call('INFO', 'keyspace')).toBe('# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=10000\r\ndb2:keys=1,expires=0,avg_ttl=0\r\n');
  });

  it('commandstats and errorstats count calls, failures and rejections', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    c.call('SET', 'k', 'v', 'BAD');
    c.call('GET');
    c.call('NOSUCH');
    const f = fields(c.call('INFO', 'commandstats', 'errorstats') as string);
    expect(f.get('cmdstat_set')).toMatch(/^calls=2,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=1$/);
    expect(f.get('cmdstat_get')).toMatch(/^calls=0,usec=0,usec_per_call=0\.00,rejected_calls=1,failed_calls=0$/);
    expect(f.get('errorstat_ERR')).toBe('count=3');
    const stats = fields(c.call('INFO', 'stats') as string);
    expect(stats.get('total_error_replies')).toBe('3');
  });

  it('stats count keyspace hits and misses, and CONFIG RESETSTAT zeroes them', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    c.call('GET', 'k');
    c.call('GET', 'nokey');
    let f = fields(c.call('INFO', 'stats') as string);
    expect([f.get('keyspace_hits'), f.get('keyspace_misses')]).toEqual(['1', '1']);
    expect(f.get('total_commands_processed')).toBe('3');
    expect(c.call('CONFIG', 'RESETSTAT')).toEqual({ simple: 'OK' });
    f = fields(c.call('INFO', 'stats') as string);
    expect([f.get('keyspace_hits'), f.get('keyspace_misses'), f.get('total_commands_processed')]).toEqual(['0', '0', '1']);
    expect(c.call('INFO', 'commandstats')).toMatch(/^# Commandstats\r\ncmdstat_config\|resetstat:calls=1,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0\r\ncmdstat_info:calls=1,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0\r\n$/);
  });

  it('memory, replication and cpu carry the fields tools read', () => {
    const c = new Harness().client();
    const f = fields(c.call('INFO', 'memory', 'replication', 'cpu', 'persistence') as string);
    expect(Number(f.get('used_memory'))).toBeGreaterThan(0);
    expect(f.get('used_memory_human')).toMatch(/^\d+\.\d\d[KMG]$/);
    expect(f.get('maxmemory')).toBe('0');
    expect(f.get('maxmemory_policy')).toBe('noeviction');
    expect(f.get('role')).toBe('master');
    expect(f.get('connected_slaves')).toBe('0');
    expect(f.get('master_replid')).toMatch(/^[0-9a-f]{40}$/);
    expect(f.get('used_cpu_user')).toMatch(/^\d+\.\d{6}$/);
    expect(f.get('loading')).toBe('0');
    expect(f.get('rdb_last_bgsave_status')).toBe('ok');
  });

  it('a section contributed through infoSections replaces the built-in one or adds its own', () => {
    const h = new Harness();
    const c = h.client();
    h.core.infoSections.set('replication', () => [['role', 'slave']]);
    h.core.infoSections.set('sentinel', () => [['sentinel_masters', 0]]);
    expect(c.call('INFO', 'replication')).toBe('# Replication\r\nrole:slave\r\n');
    expect(c.call('INFO', 'sentinel')).toBe('# Sentinel\r\nsentinel_masters:0\r\n');
    expect((c.call('INFO') as string).includes('# Sentinel')).toBe(false);
    expect((c.call('INFO', 'everything') as string).includes('# Sentinel')).toBe(true);
  });

  it('latencystats reports per-command percentiles recorded in the histogram', () => {
    const h = new Harness();
    const c = h.client();
    h.core.stats.recordLatency('get', 88);
    expect(c.call('INFO', 'latencystats')).toBe('# Latencystats\r\nlatency_percentiles_usec_get:p50=88.063,p99=88.063,p99.9=88.063\r\n');
    c.call('CONFIG', 'SET', 'latency-tracking', 'no');
    expect(c.call('INFO', 'latencystats')).toBe('# Latencystats\r\n');
  });
});
