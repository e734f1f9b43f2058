// ZREM removes members, counts them, deletes the emptied key with zrem then del events.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREM', () => {
  it('answers how many members went and ignores absent ones', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(c.call('ZREM', 'z', 'a', 'x', 'a', 'c')).toBe(2);
    expect(c.call('ZRANGE', 'z', '0', '-1')).toEqual(['b']);
    expect(c.call('ZREM', 'missing', 'a')).toBe(0);
  });

  it('deletes the key with its last member, emitting zrem then del, one dirty per member', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('ZREM', 'z', 'a', 'b', 'c')).toBe(2);
    expect(h.keyspace.stats.dirty - dirty).toBe(2);
    expect(c.call('EXISTS', 'z')).toBe(0);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zrem', 'z'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'z'],
    ]);
  });

  it('answers WRONGTYPE and needs a member', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZREM', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('ZREM', 's')).toEqual({ error: "ERR wrong number of arguments for 'zrem' command" });
  });
});
