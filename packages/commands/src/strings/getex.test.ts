// GETEX answers the value and then changes the TTL (EX PX EXAT PXAT PERSIST), checking its
// options first, then the key's type, then the expire time, with Redis's events.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('GETEX', () => {
  it('without options behaves like GET and keeps the TTL', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 50);
    expect(c.call('GETEX', 'k')).toBe('v');
    expect(c.call('TTL', 'k')).toBe(50);
    expect(c.call('GETEX', 'nokey')).toBeNull();
  });

  it('sets relative and absolute TTLs', () => {
    const h = new Harness();
    const c = h.client();
    const now = h.clock.nowMs();
    c.call('SET', 'k', 'v');
    expect(c.call('GETEX', 'k', 'EX', 10)).toBe('v');
    expect(c.call('PTTL', 'k')).toBe(10000);
    c.call('GETEX', 'k', 'px', 2500);
    expect(c.call('PTTL', 'k')).toBe(2500);
    c.call('GETEX', 'k', 'PXAT', now + 7000);
    expect(c.call('PTTL', 'k')).toBe(7000);
    const sec = Math.floor(now / 1000) + 30;
    c.call('GETEX', 'k', 'EXAT', sec);
    expect(c.call('PTTL', 'k')).toBe(sec * 1000 - now);
  });

  it('PERSIST removes the TTL', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 10);
    expect(c.call('GETEX', 'k', 'PERSIST')).toBe('v');
    expect(c.call('TTL', 'k')).toBe(-1);
  });

  it('an absolute time already past deletes the key after answering it', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    expect(c.call('GETEX', 'k', 'PXAT', 1)).toBe('v');
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('rejects options of SET and conflicting units with a syntax error', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    for (const args of [['KEEPTTL'], ['NX'], ['GET'], ['EX', 10, 'PX', 10], ['PERSIST', 'EX', 10], ['EX'], ['foo']]) {
      expect(c.call('GETEX', 'k', ...args)).toEqual({ error: 'ERR syntax error' });
    }
    expect(c.call('GETEX', 'nokey', 'foo')).toEqual({ error: 'ERR syntax error' });
  });

  it('checks the time only for an existing string', () => {
    const h = new Harness();
    const c = h.client();
    h.keyspace.db(0).add('l', list);
    c.call('SET', 'k', 'v');
    expect(c.call('GETEX', 'nokey', 'EX', 'abc')).toBeNull();
    expect(c.call('GETEX', 'l', 'EX', 'abc')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('GETEX', 'k', 'EX', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('GETEX', 'k', 'EX', 0)).toEqual({ error: "ERR invalid expire time in 'getex' command" });
    expect(c.call('GETEX', 'k', 'PX', '9223372036854775807')).toEqual({ error: "ERR invalid expire time in 'getex' command" });
    expect(c.call('TTL', 'k')).toBe(-1);
  });

  it('emits expire, persist (only when a TTL existed) and del', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    c.call('SET', 'k', 'v');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('GETEX', 'k', 'PERSIST');
    c.call('GETEX', 'k', 'EX', 10);
    c.call('GETEX', 'k', 'PERSIST');
    c.call('GETEX', 'k', 'EXAT', 1);
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:expire', '__keyevent@0__:persist', '__keyevent@0__:del']);
  });

  it('needs a key', () => {
    expect(new Harness().client().call('GETEX')).toEqual({ error: "ERR wrong number of arguments for 'getex' command" });
  });
});
