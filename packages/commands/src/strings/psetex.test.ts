// PSETEX stores a value with a TTL in milliseconds, refusing invalid times before writing.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PSETEX', () => {
  it('stores the value with the TTL', () => {
    const h = new Harness();
    const c = h.client();
    expect(c.call('PSETEX', 'k', 1500, 'v')).toEqual({ simple: 'OK' });
    expect(c.call('PTTL', 'k')).toBe(1500);
    h.advance(1500);
    expect(c.call('GET', 'k')).toBe('v');
    h.advance(1);
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('refuses non-positive, overflowing and non-integer times', () => {
    const c = new Harness().client();
    expect(c.call('PSETEX', 'k', 0, 'v')).toEqual({ error: "ERR invalid expire time in 'psetex' command" });
    expect(c.call('PSETEX', 'k', '9223372036854775807', 'v')).toEqual({ error: "ERR invalid expire time in 'psetex' command" });
    expect(c.call('PSETEX', 'k', '1.5', 'v')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('takes a key, milliseconds and a value', () => {
    expect(new Harness().client().call('PSETEX', 'k')).toEqual({ error: "ERR wrong number of arguments for 'psetex' command" });
  });
});
