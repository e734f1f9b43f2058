// LTRIM keeps only the given range (LRANGE's index rules), deletes the key when nothing is
// left, answers OK for a missing key, and emits ltrim (then del).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LTRIM', () => {
  it('keeps the inclusive range', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e');
    expect(c.call('LTRIM', 'l', 1, -2)).toEqual({ simple: 'OK' });
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['b', 'c', 'd']);
    c.call('LTRIM', 'l', -100, 100);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['b', 'c', 'd']);
  });

  it('deletes the key when the range is empty', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b');
    expect(c.call('LTRIM', 'l', 5, 1)).toEqual({ simple: 'OK' });
    expect(c.call('EXISTS', 'l')).toBe(0);
  });

  it('answers OK for a missing key and checks the indexes first', () => {
    const c = new Harness().client();
    expect(c.call('LTRIM', 'nokey', 0, 1)).toEqual({ simple: 'OK' });
    expect(c.call('LTRIM', 'nokey', 'a', 1)).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('answers WRONGTYPE for another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LTRIM', 's', 0, 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('trims a long list to a window in the middle', () => {
    const c = new Harness().client();
    const all = Array.from({ length: 6000 }, (_, i) => String(i));
    c.call('RPUSH', 'l', ...all);
    c.call('LTRIM', 'l', 1234, 4321);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(all.slice(1234, 4322));
    c.call('RPUSH', 'l', 'tail');
    c.call('LPUSH', 'l', 'head');
    expect(c.call('LLEN', 'l')).toBe(4321 - 1234 + 3);
  });

  it('emits ltrim, and del when the list empties', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a', 'b');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LTRIM', 'l', 0, 0);
    c.call('LTRIM', 'l', 1, 0);
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:ltrim', '__keyevent@0__:ltrim', '__keyevent@0__:del']);
  });
});
