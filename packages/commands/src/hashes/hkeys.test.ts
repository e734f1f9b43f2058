// HKEYS and HVALS list a hash's fields and values (listpack: insertion order).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HKEYS and HVALS', () => {
  it('list fields and values of a listpack in insertion order', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'b', '2', 'a', '1', 'c', '3');
    c.call('HSET', 'h', 'b', '20');
    expect(c.call('HKEYS', 'h')).toEqual(['b', 'a', 'c']);
    expect(c.call('HVALS', 'h')).toEqual(['20', '1', '3']);
  });

  it('list every pair of a hashtable, aligned', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '2' } }).client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3', 'd', '4');
    c.call('HDEL', 'h', 'b');
    const keys = c.call('HKEYS', 'h') as string[];
    const vals = c.call('HVALS', 'h') as string[];
    expect([...keys].sort()).toEqual(['a', 'c', 'd']);
    expect(vals).toEqual(keys.map((k) => ({ a: '1', c: '3', d: '4' })[k]));
  });

  it('answer an empty array for a missing key, WRONGTYPE for another type', () => {
    const c = new Harness().client();
    expect(c.raw('HKEYS', 'nokey')).toBe('*0\r\n');
    expect(c.raw('HVALS', 'nokey')).toBe('*0\r\n');
    c.call('SET', 's', 'v');
    expect(c.call('HKEYS', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HVALS', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HKEYS')).toEqual({ error: "ERR wrong number of arguments for 'hkeys' command" });
    expect(c.call('HVALS', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'hvals' command" });
  });
});
