// ZCOUNT counts members in a score range with Redis's bound syntax ("(" exclusive, inf, strtod).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZCOUNT', () => {
  it('counts inclusive and exclusive ranges', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', 'inf', 'd');
    expect(c.call('ZCOUNT', 'z', '-inf', '+inf')).toBe(4);
    expect(c.call('ZCOUNT', 'z', '(1', '3')).toBe(2);
    expect(c.call('ZCOUNT', 'z', '(1', '(3')).toBe(1);
    expect(c.call('ZCOUNT', 'z', '3', '1')).toBe(0);
    expect(c.call('ZCOUNT', 'z', '(inf', 'inf')).toBe(0);
    expect(c.call('ZCOUNT', 'z', ' 2', '1e400')).toBe(3);
    expect(c.call('ZCOUNT', 'nokey', '0', '1')).toBe(0);
  });

  it('refuses bounds that are not floats before looking at the key', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZCOUNT', 's', 'x', '1')).toEqual({ error: 'ERR min or max is not a float' });
    expect(c.call('ZCOUNT', 's', '(nan', '1')).toEqual({ error: 'ERR min or max is not a float' });
    expect(c.call('ZCOUNT', 's', '0', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
