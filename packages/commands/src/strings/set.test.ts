// SET and its options behave as in Redis 7.0: NX/XX, GET, KEEPTTL, EX/PX/EXAT/PXAT, their
// exclusions, the expire-time checks (after the syntax checks) and the events it emits.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('SET', () => {
  it('stores a value that GET returns', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'v')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'k')).toBe('v');
    expect(c.call('SET', 'k', '')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'k')).toBe('');
  });

  it('NX refuses an existing key and XX a missing one', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'a', 'XX')).toBeNull();
    expect(c.call('SET', 'k', 'a', 'NX')).toEqual({ simple: 'OK' });
    expect(c.call('SET', 'k', 'b', 'NX')).toBeNull();
    expect(c.call('GET', 'k')).toBe('a');
  });

  it('GET returns the old value, also when NX or XX stop the write', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'a', 'GET')).toBeNull();
    expect(c.call('SET', 'k', 'b', 'GET')).toBe('a');
    expect(c.call('SET', 'k', 'c', 'GET', 'NX')).toBe('b');
    expect(c.call('SET', 'x', 'c', 'GET', 'XX')).toBeNull();
    expect(c.call('GET', 'k')).toBe('b');
    expect(c.call('EXISTS', 'x')).toBe(0);
  });

  it('GET against another type answers WRONGTYPE and keeps the value', () => {
    const h = new Harness();
    const c = h.client();
    h.keyspace.db(0).add('l', list);
    expect(c.call('SET', 'l', 'v', 'GET')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('TYPE', 'l')).toEqual({ simple: 'list' });
    expect(c.call('SET', 'l', 'v')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'l')).toBe('v');
  });

  it('EX, PX, EXAT and PXAT set a TTL after which the key is gone', () => {
    const h = new Harness();
    const c = h.client();
    const now = h.clock.nowMs();
    c.call('SET', 'a', 'v', 'EX', 10);
    c.call('SET', 'b', 'v', 'PX', 1500);
    c.call('SET', 'c', 'v', 'EXAT', Math.floor(now / 1000) + 20);
    c.call('SET', 'd', 'v', 'PXAT', now + 2500);
    expect([c.call('PTTL', 'a'), c.call('PTTL', 'b'), c.call('PTTL', 'd')]).toEqual([10000, 1500, 2500]);
    h.advance(10_000);
    expect(c.call('GET', 'a')).toBe('v');
    h.advance(1);
    expect(c.call('GET', 'a')).toBeNull();
  });

  it('a plain SET clears the TTL and KEEPTTL keeps it', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 100);
    c.call('SET', 'k', 'w', 'KEEPTTL');
    expect(c.call('TTL', 'k')).toBe(100);
    c.call('SET', 'k', 'x');
    expect(c.call('TTL', 'k')).toBe(-1);
  });

  it('rejects conflicting or unknown options with a syntax error before reading the time', () => {
    const c = new Harness().client();
    for (const args of [['NX', 'XX'], ['EX', 10, 'PX', 100], ['KEEPTTL', 'EX', 10], ['EX', 10, 'KEEPTTL'], ['PERSIST'], ['EX'], ['foo'], ['EX', 'abc', 'NX', 'XX']]) {
      expect(c.call('SET', 'k', 'v', ...args)).toEqual({ error: 'ERR syntax error' });
    }
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('accepts the same unit twice and the last value wins', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k', 'v', 'EX', 10, 'EX', 20)).toEqual({ simple: 'OK' });
    expect(c.call('TTL', 'k')).toBe(20);
  });

  it('checks expire times as Redis does', () => {
    const c = new Harness().client();
    const invalid = { error: "ERR invalid expire time in 'set' command" };
    expect(c.call('SET', 'k', 'v', 'EX', 0)).toEqual(invalid);
    expect(c.call('SET', 'k', 'v', 'PX', -1)).toEqual(invalid);
    expect(c.call('SET', 'k', 'v', 'EX', '9999999999999999')).toEqual(invalid);
    expect(c.call('SET', 'k', 'v', 'EX', '9223372036854776')).toEqual(invalid);
    expect(c.call('SET', 'k', 'v', 'PX', '9223372036854775807')).toEqual(invalid);
    expect(c.call('SET', 'k', 'v', 'EX', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('SET', 'k', 'v', 'EX', '9223372036854775808')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('GET', 'k')).toBeNull();
    expect(c.call('SET', 'k', 'v', 'EX', '9223372036854775')).toEqual(invalid);
    expect(c.call('SET', 'k', 'v', 'EXAT', '9223372036854775')).toEqual({ simple: 'OK' });
  });

  it('emits set, then expire when a TTL is given', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('SET', 'k', 'v', 'EX', 10);
    c.call('SET', 'k', 'v', 'NX');
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:set', 'k'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:expire', 'k'],
    ]);
  });

  it('needs a key and a value', () => {
    const c = new Harness().client();
    expect(c.call('SET', 'k')).toEqual({ error: "ERR wrong number of arguments for 'set' command" });
  });
});
