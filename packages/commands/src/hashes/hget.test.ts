// HGET answers a field's value, null for a missing field or key, WRONGTYPE for other types.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HGET', () => {
  it('answers the value in both encodings and null when missing', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '2' } }).client();
    c.call('HSET', 'small', 'a', '1');
    c.call('HSET', 'big', 'a', '1', 'b', '2', 'c', '3');
    for (const k of ['small', 'big']) {
      expect(c.call('HGET', k, 'a')).toBe('1');
      expect(c.call('HGET', k, 'zz')).toBeNull();
    }
    expect(c.call('HGET', 'nokey', 'a')).toBeNull();
  });

  it('answers a RESP3 null for a missing key', () => {
    const c = new Harness().client();
    c.call('HELLO', '3');
    expect(c.raw('HGET', 'nokey', 'a')).toBe('_\r\n');
  });

  it('answers WRONGTYPE against a string and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HGET', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HGET', 's')).toEqual({ error: "ERR wrong number of arguments for 'hget' command" });
  });

  it('counts keyspace hits and misses', () => {
    const h = new Harness();
    const c = h.client();
    c.call('HSET', 'h', 'a', '1');
    const { keyspaceHits, keyspaceMisses } = h.keyspace.stats;
    c.call('HGET', 'h', 'missing-field');
    c.call('HGET', 'nokey', 'a');
    expect(h.keyspace.stats.keyspaceHits - keyspaceHits).toBe(1);
    expect(h.keyspace.stats.keyspaceMisses - keyspaceMisses).toBe(1);
  });
});
