// ZREVRANK answers the rank from the highest member down, null when absent.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREVRANK', () => {
  it('ranks from the top', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(c.call('ZREVRANK', 'z', 'c')).toBe(0);
    expect(c.call('ZREVRANK', 'z', 'a')).toBe(2);
    expect(c.call('ZREVRANK', 'z', 'x')).toBeNull();
    c.call('SET', 's', 'v');
    expect(c.call('ZREVRANK', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
