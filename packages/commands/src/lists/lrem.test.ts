// LREM removes matches from the head (count > 0), the tail (count < 0) or all (0), answers
// how many, deletes an emptied key, and emits lrem only when something went.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LREM', () => {
  it('removes from the head, from the tail, or all matches', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'x', 'a', 'y', 'a', 'z', 'a');
    expect(c.call('LREM', 'l', 2, 'a')).toBe(2);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['x', 'y', 'a', 'z', 'a']);
    expect(c.call('LREM', 'l', -1, 'a')).toBe(1);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['x', 'y', 'a', 'z']);
    expect(c.call('LREM', 'l', 0, 'zz')).toBe(0);
    expect(c.call('LREM', 'l', 0, 'a')).toBe(1);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['x', 'y', 'z']);
  });

  it('removes every match for a count of -2^63', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'a');
    expect(c.call('LREM', 'l', '-9223372036854775808', 'a')).toBe(2);
  });

  it('deletes the key when every element went, and answers 0 for a missing key', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'a');
    expect(c.call('LREM', 'l', 0, 'a')).toBe(2);
    expect(c.call('EXISTS', 'l')).toBe(0);
    expect(c.call('LREM', 'l', 0, 'a')).toBe(0);
  });

  it('checks the count before the key', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LREM', 'nokey', 'abc', 'a')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('LREM', 's', 0, 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('removes matches spread over a long list', () => {
    const c = new Harness().client();
    const all = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? 'hit' : String(i)));
    c.call('RPUSH', 'l', ...all);
    expect(c.call('LREM', 'l', -100, 'hit')).toBe(100);
    let seen = 0;
    const model = all.slice().reverse().filter((v) => v !== 'hit' || ++seen > 100).reverse();
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(model);
  });

  it('emits lrem only when something was removed, then del when emptied', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LREM', 'l', 0, 'b');
    c.call('LREM', 'l', 0, 'a');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:lrem', '__keyevent@0__:del']);
  });
});
