// SETEX stores a value with a TTL in seconds, refusing invalid times before writing.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SETEX', () => {
  it('stores the value with the TTL', () => {
    const h = new Harness();
    const c = h.client();
    expect(c.call('SETEX', 'k', 100, 'v')).toEqual({ simple: 'OK' });
    expect(c.call('PTTL', 'k')).toBe(100000);
    h.advance(100_000);
    expect(c.call('GET', 'k')).toBe('v');
    h.advance(1);
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('refuses non-positive, huge and non-integer times', () => {
    const c = new Harness().client();
    expect(c.call('SETEX', 'k', 0, 'v')).toEqual({ error: "ERR invalid expire time in 'setex' command" });
    expect(c.call('SETEX', 'k', -5, 'v')).toEqual({ error: "ERR invalid expire time in 'setex' command" });
    expect(c.call('SETEX', 'k', '9999999999999999', 'v')).toEqual({ error: "ERR invalid expire time in 'setex' command" });
    expect(c.call('SETEX', 'k', 'abc', 'v')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('emits set then expire', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('SETEX', 'k', 10, 'v');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:set', '__keyevent@0__:expire']);
  });

  it('takes a key, seconds and a value', () => {
    expect(new Harness().client().call('SETEX', 'k', 10)).toEqual({ error: "ERR wrong number of arguments for 'setex' command" });
  });
});
