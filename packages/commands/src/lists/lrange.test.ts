// LRANGE follows Redis's index rules: negatives from the tail, clamping, empty when
// start > stop or past the end; indexes are parsed before the key is looked up.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LRANGE', () => {
  const c = new Harness().client();
  c.call('RPUSH', 'l', 'a', 'b', 'c', 'd');

  it('answers inclusive ranges with negative indexes from the tail', () => {
    expect(c.call('LRANGE', 'l', 1, 2)).toEqual(['b', 'c']);
    expect(c.call('LRANGE', 'l', -2, -1)).toEqual(['c', 'd']);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clamps out-of-range indexes and answers empty for empty ranges', () => {
    expect(c.call('LRANGE', 'l', -100, 100)).toEqual(['a', 'b', 'c', 'd']);
    expect(c.call('LRANGE', 'l', '-9223372036854775808', '9223372036854775807')).toEqual(['a', 'b', 'c', 'd']);
    expect(c.raw('LRANGE', 'l', 3, 1)).toBe('*0\r\n');
    expect(c.call('LRANGE', 'l', 4, 10)).toEqual([]);
    expect(c.call('LRANGE', 'l', 0, '-9223372036854775808')).toEqual([]);
    expect(c.raw('LRANGE', 'nokey', 0, -1)).toBe('*0\r\n');
  });

  it('rejects non-integer indexes before looking at the key', () => {
    expect(c.call('LRANGE', 'nokey', 'abc', 1)).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('LRANGE', 'l', 0, '1.0')).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('answers WRONGTYPE for another type', () => {
    c.call('SET', 's', 'x');
    expect(c.call('LRANGE', 's', 0, 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('reads ranges that cross node boundaries of a long list', () => {
    const all = Array.from({ length: 5000 }, (_, i) => `x${i}`);
    c.call('RPUSH', 'big', ...all);
    expect(c.call('LRANGE', 'big', 1000, 3100)).toEqual(all.slice(1000, 3101));
    expect(c.call('LRANGE', 'big', -3, -1)).toEqual(all.slice(-3));
  });
});
