// ZUNIONSTORE stores the union over any destination (zunionstore event, one dirty), deletes
// the destination for an empty result, and encodes the result as Redis would.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZUNIONSTORE', () => {
  it('stores the union, replacing the destination whatever its type', () => {
    const c = new Harness().client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y');
    c.call('ZADD', 'b', '3', 'y');
    c.call('SET', 'dst', 'v');
    expect(c.call('ZUNIONSTORE', 'dst', '2', 'a', 'b', 'WEIGHTS', '2', '1')).toBe(2);
    expect(c.call('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['x', '2', 'y', '7']);
    expect(c.call('OBJECT', 'ENCODING', 'dst')).toBe('listpack');
    expect(c.call('ZUNIONSTORE', 'dst', '2', 'a', 'b', 'WITHSCORES')).toEqual({ error: 'ERR syntax error' });
  });

  it('deletes the destination for an empty result, with del events', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('ZADD', 'a', '1', 'x');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    expect(c.call('ZUNIONSTORE', 'dst', '1', 'a')).toBe(1);
    expect(c.call('ZUNIONSTORE', 'dst', '1', 'nokey')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zunionstore', 'dst'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'dst'],
    ]);
  });

  it('encodes a large result as a skiplist and reports its keys', () => {
    const c = new Harness({ config: { 'zset-max-listpack-entries': '1' } }).client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y');
    c.call('ZUNIONSTORE', 'dst', '1', 'a');
    expect(c.call('OBJECT', 'ENCODING', 'dst')).toBe('skiplist');
    expect(c.call('COMMAND', 'GETKEYS', 'ZUNIONSTORE', 'dst', '2', 'a', 'b')).toEqual(['dst', 'a', 'b']);
  });
});
