// LPOS finds head-based positions of an element: RANK (negative from the tail), COUNT
// (0 = all), MAXLEN; option errors with Redis's texts come before the key lookup.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";

describe('LPOS', () => {
  const c = new Harness().client();
  c.call('RPUSH', 'l', 'a', 'b', 'c', '1', '2', '3', 'c', 'c');

  it('answers the first match, or nil', () => {
    expect(c.call('LPOS', 'l', 'c')).toBe(2);
    expect(c.call('LPOS', 'l', 'zz')).toBeNull();
    expect(c.call('LPOS', 'nokey', 'c')).toBeNull();
  });

  it('RANK picks the nth match, negative ranks counting from the tail', () => {
    expect(c.call('LPOS', 'l', 'c', 'RANK', 2)).toBe(6);
    expect(c.call('LPOS', 'l', 'c', 'RANK', -1)).toBe(7);
    expect(c.call('LPOS', 'l', 'c', 'RANK', -3)).toBe(2);
    expect(c.call('LPOS', 'l', 'c', 'RANK', 4)).toBeNull();
    expect(c.call('LPOS', 'l', 'c', 'RANK', '9223372036854775807')).toBeNull();
  });

  it('COUNT answers an array of up to that many matches, 0 meaning all', () => {
    expect(c.call('LPOS', 'l', 'c', 'COUNT', 2)).toEqual([2, 6]);
    expect(c.call('LPOS', 'l', 'c', 'COUNT', 0)).toEqual([2, 6, 7]);
    expect(c.call('LPOS', 'l', 'c', 'RANK', -1, 'COUNT', 2)).toEqual([7, 6]);
    expect(c.call('LPOS', 'l', 'c', 'RANK', 2, 'COUNT', 0)).toEqual([6, 7]);
    expect(c.raw('LPOS', 'l', 'zz', 'COUNT', 0)).toBe('*0\r\n');
    expect(c.raw('LPOS', 'nokey', 'zz', 'COUNT', 1)).toBe('*0\r\n');
  });

  it('MAXLEN bounds how many elements are compared', () => {
    expect(c.call('LPOS', 'l', 'c', 'COUNT', 0, 'MAXLEN', 7)).toEqual([2, 6]);
    expect(c.call('LPOS', 'l', 'c', 'MAXLEN', 2)).toBeNull();
    expect(c.call('LPOS', 'l', 'c', 'RANK', -1, 'COUNT', 0, 'MAXLEN', 2)).toEqual([7, 6]);
  });

  it('a RANK of -2^63 acts as -1 with every match counted, as Redis’s overflow does', () => {
    expect(c.call('LPOS', 'l', 'c', 'RANK', '-9223372036854775808')).toBe(7);
    expect(c.call('LPOS', 'l', 'c', 'RANK', '-9223372036854775808', 'COUNT', 1)).toEqual([7, 6, 2]);
  });

  it('rejects bad options with Redis’s texts, before the key lookup', () => {
    c.call('SET', 's', 'x');
    expect(c.call('LPOS', 'nokey', 'a', 'RANK', 0)).toEqual({ error: RANK_ZERO });
    expect(c.call('LPOS', 's', 'a', 'RANK', 0)).toEqual({ error: RANK_ZERO });
    expect(c.call('LPOS', 'l', 'a', 'RANK', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('LPOS', 'l', 'a', 'COUNT', -1)).toEqual({ error: "ERR COUNT can't be negative" });
    expect(c.call('LPOS', 'l', 'a', 'COUNT', 'abc')).toEqual({ error: "ERR COUNT can't be negative" });
    expect(c.call('LPOS', 'l', 'a', 'MAXLEN', -1)).toEqual({ error: "ERR MAXLEN can't be negative" });
    expect(c.call('LPOS', 'l', 'a', 'MAXLEN')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LPOS', 'l', 'a', 'FOO', 1)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LPOS', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('finds positions across packed nodes from both ends', () => {
    const all = Array.from({ length: 6000 }, (_, i) => (i % 1000 === 999 ? 'needle' : `h${i}`));
    c.call('RPUSH', 'big', ...all);
    expect(c.call('LPOS', 'big', 'needle', 'COUNT', 0)).toEqual([999, 1999, 2999, 3999, 4999, 5999]);
    expect(c.call('LPOS', 'big', 'needle', 'RANK', -2, 'COUNT', 2)).toEqual([4999, 3999]);
    expect(c.call('LPOS', 'big', 'needle', 'RANK', -1, 'MAXLEN', 1)).toBe(5999);
    expect(c.call('LPOS', 'big', 'needle', 'MAXLEN', 999)).toBeNull();
  });
});
