// ZPOPMAX pops the highest members first and emits zpopmax.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZPOPMAX', () => {
  it('pops from the top', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Ez' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:zpopmax');
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(c.call('ZPOPMAX', 'z')).toEqual(['c', '3']);
    expect(c.call('ZPOPMAX', 'z', '1')).toEqual(['b', '2']);
    expect(c.call('ZRANGE', 'z', '0', '-1')).toEqual(['a']);
    expect(s.drain()).toEqual([['message', '__keyevent@0__:zpopmax', 'z'], ['message', '__keyevent@0__:zpopmax', 'z']]);
  });
});
