// LSET replaces an element by index: "no such key" before the index is parsed, "index out
// of range" after, WRONGTYPE for another type, and the lset event.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LSET', () => {
  it('replaces by positive and negative index', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    expect(c.call('LSET', 'l', 0, 'x')).toEqual({ simple: 'OK' });
    expect(c.call('LSET', 'l', -1, 'z')).toEqual({ simple: 'OK' });
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['x', 'b', 'z']);
  });

  it('answers ERR no such key for a missing key, whatever the index', () => {
    const c = new Harness().client();
    expect(c.call('LSET', 'l', 0, 'x')).toEqual({ error: 'ERR no such key' });
    expect(c.call('LSET', 'l', 'abc', 'x')).toEqual({ error: 'ERR no such key' });
  });

  it('answers ERR index out of range past either end', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LSET', 'l', 1, 'x')).toEqual({ error: 'ERR index out of range' });
    expect(c.call('LSET', 'l', -2, 'x')).toEqual({ error: 'ERR index out of range' });
    expect(c.call('LSET', 'l', 'abc', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['a']);
  });

  it('answers WRONGTYPE for another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LSET', 's', 0, 'x')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('sets inside a long list and with a large value', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', ...Array.from({ length: 3000 }, (_, i) => String(i)));
    const big = 'x'.repeat(20000);
    expect(c.call('LSET', 'l', 1500, big)).toEqual({ simple: 'OK' });
    expect(c.call('LINDEX', 'l', 1500)).toBe(big);
    expect(c.call('LRANGE', 'l', 1499, 1501)).toEqual(['1499', big, '1501']);
  });

  it('emits lset', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'El' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LSET', 'l', 0, 'b');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:lset']);
  });
});
