// HGETALL answers every pair: a flat array in RESP2, a map in RESP3 (empty map for a missing key).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HGETALL', () => {
  it('answers a flat array in RESP2 and a map in RESP3', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1', 'b', '2');
    expect(c.raw('HGETALL', 'h')).toBe('*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n');
    c.call('HELLO', '3');
    expect(c.raw('HGETALL', 'h')).toBe('%2\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n');
  });

  it('answers an empty array (RESP2) or empty map (RESP3) for a missing key', () => {
    const c = new Harness().client();
    expect(c.raw('HGETALL', 'nokey')).toBe('*0\r\n');
    c.call('HELLO', '3');
    expect(c.raw('HGETALL', 'nokey')).toBe('%0\r\n');
  });

  it('answers every pair of a hashtable', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '1' } }).client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
    const flat = c.call('HGETALL', 'h') as string[];
    const pairs = Array.from({ length: flat.length / 2 }, (_, i) => `${flat[2 * i]}=${flat[2 * i + 1]}`);
    expect(pairs.sort()).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('answers WRONGTYPE against another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HGETALL', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
