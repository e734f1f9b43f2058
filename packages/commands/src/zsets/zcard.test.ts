// ZCARD answers the member count, 0 for a missing key, WRONGTYPE for other types.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZCARD', () => {
  it('counts members', () => {
    const c = new Harness().client();
    expect(c.call('ZCARD', 'z')).toBe(0);
    c.call('ZADD', 'z', '1', 'a', '2', 'b');
    expect(c.call('ZCARD', 'z')).toBe(2);
    c.call('SET', 's', 'v');
    expect(c.call('ZCARD', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
