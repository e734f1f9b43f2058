// SWAPDB exchanges two databases' contents under every connected client.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SWAPDB', () => {
  it('swaps the contents of two databases, TTLs included', () => {
    const h = new Harness();
    const c = h.client();
    const other = h.client();
    other.call('SELECT', 1);
    c.call('SET', 'a', 'zero', 'EX', 100);
    other.call('SET', 'b', 'one');
    expect(c.call('SWAPDB', 0, 1)).toEqual({ simple: 'OK' });
    expect([c.call('GET', 'a'), c.call('GET', 'b')]).toEqual([null, 'one']);
    expect([other.call('GET', 'a'), other.call('TTL', 'a')]).toEqual(['zero', 100]);
  });

  it('accepts the same index twice', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    expect(c.call('SWAPDB', 0, 0)).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'a')).toBe('1');
  });

  it('rejects bad indexes with Redis\'s errors', () => {
    const c = new Harness().client();
    expect(c.call('SWAPDB', 'x', 0)).toEqual({ error: 'ERR invalid first DB index' });
    expect(c.call('SWAPDB', 0, 'x')).toEqual({ error: 'ERR invalid second DB index' });
    expect(c.call('SWAPDB', 0, 16)).toEqual({ error: 'ERR DB index is out of range' });
    expect(c.call('SWAPDB', -1, 0)).toEqual({ error: 'ERR DB index is out of range' });
  });
});
