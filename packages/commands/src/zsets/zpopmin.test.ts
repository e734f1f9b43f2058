// ZPOPMIN pops the lowest members: flat member-score list, RESP3 pairs with a count, the key
// deleted with its last member (zpopmin then del), count checks as Redis.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZPOPMIN', () => {
  it('pops one or count members from the bottom', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(c.call('ZPOPMIN', 'z')).toEqual(['a', '1']);
    expect(c.call('ZPOPMIN', 'z', '0')).toEqual([]);
    expect(c.call('ZPOPMIN', 'z', '5')).toEqual(['b', '2', 'c', '3']);
    expect(c.call('EXISTS', 'z')).toBe(0);
    expect(c.call('ZPOPMIN', 'z')).toEqual([]);
  });

  it('nests pairs in RESP3 only when a count is given', () => {
    const c = new Harness().client();
    c.call('HELLO', '3');
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(c.call('ZPOPMIN', 'z')).toEqual(['a', { double: 1 }]);
    expect(c.call('ZPOPMIN', 'z', '1')).toEqual([['b', { double: 2 }]]);
  });

  it('refuses a negative count, extra arguments and other types', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZPOPMIN', 'z', '-1')).toEqual({ error: 'ERR value is out of range, must be positive' });
    expect(c.call('ZPOPMIN', 'z', '1', '2')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZPOPMIN', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits zpopmin once, then del, counting one change per member', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    c.call('ZPOPMIN', 'z', '2');
    expect(h.keyspace.stats.dirty - dirty).toBe(2);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zpopmin', 'z'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'z'],
    ]);
  });
});
