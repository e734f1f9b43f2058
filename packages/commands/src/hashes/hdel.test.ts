// HDEL removes fields and counts them, deletes the key with its last field, and emits
// hdel (then del) only when something went.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HDEL', () => {
  it('answers how many of the named fields were removed', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
    expect(c.call('HDEL', 'h', 'x', 'y')).toBe(0);
    expect(c.call('HDEL', 'h', 'a', 'c', 'f', 'a')).toBe(2);
    expect(c.call('HGETALL', 'h')).toEqual(['b', '2']);
  });

  it('deletes the key when the hash becomes empty, before the remaining fields', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('HDEL', 'h', 'a', 'b', 'c', 'd', 'e')).toBe(3);
    expect(h.keyspace.stats.dirty - dirty).toBe(3);
    expect(c.call('EXISTS', 'h')).toBe(0);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:hdel', 'h'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'h'],
    ]);
  });

  it('works the same on a hashtable', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '1' } }).client();
    c.call('HSET', 'h', 'a', '1', 'b', '2');
    expect(c.call('HDEL', 'h', 'a')).toBe(1);
    expect(c.call('HGETALL', 'h')).toEqual(['b', '2']);
    expect(c.call('HDEL', 'h', 'b')).toBe(1);
    expect(c.call('EXISTS', 'h')).toBe(0);
  });

  it('emits nothing when nothing was removed, answers 0 for a missing key', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('HSET', 'h', 'a', '1');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    expect(c.call('HDEL', 'h', 'zz')).toBe(0);
    expect(c.call('HDEL', 'nokey', 'a')).toBe(0);
    expect(s.drain()).toEqual([]);
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HDEL', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HDEL', 's')).toEqual({ error: "ERR wrong number of arguments for 'hdel' command" });
  });
});
