// ZINTERSTORE stores the intersection and emits zinterstore.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZINTERSTORE', () => {
  it('stores the weighted intersection', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Ez' } });
    const c = h.client();
    const s = h.client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y');
    c.call('ZADD', 'b', '3', 'y', '4', 'z');
    s.call('SUBSCRIBE', '__keyevent@0__:zinterstore');
    expect(c.call('ZINTERSTORE', 'dst', '2', 'a', 'b', 'WEIGHTS', '1', '-1')).toBe(1);
    expect(c.call('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['y', '-1']);
    expect(s.drain()).toEqual([['message', '__keyevent@0__:zinterstore', 'dst']]);
  });
});
