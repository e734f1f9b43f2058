// HMGET answers one value or null per field, all null for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HMGET', () => {
  it('answers values in the order asked, null for missing fields', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1', 'b', '2');
    expect(c.call('HMGET', 'h', 'b', 'x', 'a', 'b')).toEqual(['2', null, '1', '2']);
  });

  it('answers nulls for a missing key and WRONGTYPE for another type', () => {
    const c = new Harness().client();
    expect(c.call('HMGET', 'nokey', 'a', 'b')).toEqual([null, null]);
    c.call('SET', 's', 'v');
    expect(c.call('HMGET', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HMGET', 'h')).toEqual({ error: "ERR wrong number of arguments for 'hmget' command" });
  });

  it('reads a hashtable-encoded hash', () => {
    const c = new Harness({ config: { 'hash-max-listpack-value': '1' } }).client();
    c.call('HSET', 'h', 'aa', '1', 'b', '22');
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
    expect(c.call('HMGET', 'h', 'aa', 'b', 'c')).toEqual(['1', '22', null]);
  });
});
