// ZINTERCARD counts the intersection, stopping at LIMIT, with Redis's argument errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZINTERCARD', () => {
  it('counts the intersection up to a limit', () => {
    const c = new Harness().client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y', '3', 'z');
    c.call('ZADD', 'b', '1', 'y', '2', 'z');
    expect(c.call('ZINTERCARD', '2', 'a', 'b')).toBe(2);
    expect(c.call('ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1')).toBe(1);
    expect(c.call('ZINTERCARD', '2', 'a', 'b', 'LIMIT', '0')).toBe(2);
    expect(c.call('ZINTERCARD', '2', 'a', 'nokey')).toBe(0);
  });

  it('refuses bad numkeys, LIMIT and options', () => {
    const c = new Harness().client();
    expect(c.call('ZINTERCARD', '0', 'a')).toEqual({ error: "ERR at least 1 input key is needed for 'zintercard' command" });
    expect(c.call('ZINTERCARD', '2', 'a')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZINTERCARD', '1', 'a', 'LIMIT', '-1')).toEqual({ error: "ERR LIMIT can't be negative" });
    expect(c.call('ZINTERCARD', '1', 'a', 'WITHSCORES')).toEqual({ error: 'ERR syntax error' });
  });
});
