// SORT ... STORE writes the result as a list over any destination (dropping its TTL) with a
// sortstore event and one dirty change per stored element, deletes the destination (del)
// when the result is empty, and stores "" for a missing GET; the key positions it declares.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function events() {
  const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
  const c = h.client();
  const s = h.client();
  c.call('RPUSH', 'l', '3', '1', '2');
  s.call('PSUBSCRIBE', '__keyevent@0__:*');
  s.drain();
  return { h, c, s };
}

const event = (name: string, key: string) => ['pmessage', '__keyevent@0__:*', `__keyevent@0__:${name}`, key];

describe('SORT STORE', () => {
  it('replaces a destination of any type with a list, dropping its TTL', () => {
    const { h, c, s } = events();
    c.call('SET', 'd', 'old', 'EX', 100);
    s.drain();
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('SORT', 'l', 'STORE', 'd')).toBe(3);
    expect(h.keyspace.stats.dirty - dirty).toBe(3);
    expect(s.drain()).toEqual([event('sortstore', 'd')]);
    expect(c.call('LRANGE', 'd', 0, -1)).toEqual(['1', '2', '3']);
    expect(c.call('TTL', 'd')).toBe(-1);
    expect(c.call('OBJECT', 'ENCODING', 'd')).toBe('quicklist');
  });

  it('counts every GET value and stores "" for a missing one', () => {
    const { c } = events();
    c.call('MSET', 'w_1', 'one', 'w_3', 'three');
    expect(c.call('SORT', 'l', 'GET', '#', 'GET', 'w_*', 'STORE', 'd')).toBe(6);
    expect(c.call('LRANGE', 'd', 0, -1)).toEqual(['1', 'one', '2', '', '3', 'three']);
  });

  it('deletes the destination when the result is empty, and leaves an absent one alone', () => {
    const { h, c, s } = events();
    c.call('RPUSH', 'd', 'x');
    s.drain();
    let dirty = h.keyspace.stats.dirty;
    expect(c.call('SORT', 'l', 'LIMIT', 10, 10, 'STORE', 'd')).toBe(0);
    expect(c.call('EXISTS', 'd')).toBe(0);
    expect(h.keyspace.stats.dirty - dirty).toBe(1);
    expect(s.drain()).toEqual([event('del', 'd')]);
    dirty = h.keyspace.stats.dirty;
    expect(c.call('SORT', 'nokey', 'STORE', 'd')).toBe(0);
    expect(h.keyspace.stats.dirty).toBe(dirty);
    expect(s.drain()).toEqual([]);
  });

  it('deletes a destination whose TTL passed with del, not expired, as Redis does', () => {
    const { h, c, s } = events();
    c.call('SET', 'd', 'v', 'PX', 10);
    h.advance(50);
    s.drain();
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('SORT', 'nokey', 'STORE', 'd')).toBe(0);
    expect(h.keyspace.stats.dirty - dirty).toBe(1);
    expect(s.drain()).toEqual([event('del', 'd')]);
    expect(c.call('DBSIZE')).toBe(1);
  });

  it('keeps BY nosort list order and LIMIT in the stored list', () => {
    const { c } = events();
    c.call('DEL', 'l');
    c.call('LPUSH', 'l', '2', '1', '4', '3', '5');
    expect(c.call('SORT', 'l', 'BY', 'nosort', 'LIMIT', 0, 3, 'STORE', 'd')).toBe(3);
    expect(c.call('LRANGE', 'd', 0, -1)).toEqual(['5', '3', '4']);
  });

  it('may store over the sorted key itself; the last STORE wins', () => {
    const { c } = events();
    expect(c.call('SORT', 'l', 'STORE', 'x', 'DESC', 'STORE', 'l')).toBe(3);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['3', '2', '1']);
    expect(c.call('EXISTS', 'x')).toBe(0);
  });

  it('stores nothing when a weight is not a double', () => {
    const { c } = events();
    c.call('RPUSH', 'd', 'keep');
    c.call('RPUSH', 'l', 'x');
    expect(c.call('SORT', 'l', 'STORE', 'd')).toEqual({ error: "ERR One or more scores can't be converted into double" });
    expect(c.call('LRANGE', 'd', 0, -1)).toEqual(['keep']);
  });

  it('invalidates a WATCH on the destination', () => {
    const { h, c } = events();
    const w = h.client();
    w.call('WATCH', 'd');
    c.call('SORT', 'l', 'STORE', 'd');
    w.call('MULTI');
    w.call('PING');
    expect(w.call('EXEC')).toBeNull();
  });

  it('looks up BY and GET keys as reads, in element order then output order (keymiss events)', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEAm' } });
    const c = h.client();
    const s = h.client();
    c.call('RPUSH', 'l', '2', '1');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    s.drain();
    expect(c.call('SORT', 'l', 'BY', 'k_*', 'GET', 'g_*')).toEqual([null, null]);
    expect(s.drain()).toEqual([event('keymiss', 'k_2'), event('keymiss', 'k_1'), event('keymiss', 'g_1'), event('keymiss', 'g_2')]);
  });
});

describe('SORT keys', () => {
  it('COMMAND GETKEYS finds the sorted key and the last STORE destination', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'SORT', 'abc', 'STORE', 'def')).toEqual(['abc', 'def']);
    expect(c.call('COMMAND', 'GETKEYS', 'SORT', 'abc', 'store', 'invalid', 'store', 'stillbad', 'store', 'def')).toEqual(['abc', 'def']);
    expect(c.call('COMMAND', 'GETKEYS', 'SORT', 'abc', 'GET', 'store', 'x')).toEqual(['abc']);
    expect(c.call('COMMAND', 'GETKEYS', 'SORT', 'abc', 'LIMIT', 'store', 'x', 'store', 'y')).toEqual(['abc', 'y']);
    expect(c.call('COMMAND', 'GETKEYS', 'SORT', 'abc', 'STORE')).toEqual(['abc']);
  });
});
