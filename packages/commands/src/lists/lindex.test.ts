// LINDEX reads by index (negative from the tail), nil out of range or for a missing key;
// the key is checked before the index is parsed, as in Redis.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LINDEX', () => {
  it('reads from the head with positive and from the tail with negative indexes', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    expect([c.call('LINDEX', 'l', 0), c.call('LINDEX', 'l', 2), c.call('LINDEX', 'l', -1), c.call('LINDEX', 'l', -3)]).toEqual(['a', 'c', 'c', 'a']);
  });

  it('answers nil out of range, including at the 64-bit limits', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    for (const i of ['1', '-2', '9223372036854775807', '-9223372036854775808']) expect(c.call('LINDEX', 'l', i)).toBeNull();
  });

  it('rejects a non-integer index on an existing list only', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LINDEX', 'l', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('LINDEX', 'l', '99999999999999999999')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('LINDEX', 'nokey', 'abc')).toBeNull();
  });

  it('answers WRONGTYPE before looking at the index', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LINDEX', 's', 'abc')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('reads every position of a list spread over packed nodes', () => {
    const c = new Harness().client();
    const all = Array.from({ length: 4000 }, (_, i) => `e${i}`);
    c.call('RPUSH', 'l', ...all);
    for (const i of [0, 999, 1000, 2047, 2048, 3999]) {
      expect(c.call('LINDEX', 'l', i)).toBe(all[i]);
      expect(c.call('LINDEX', 'l', i - 4000)).toBe(all[i]);
    }
  });
});
