// ZREMRANGEBYRANK removes a rank range (negative indexes allowed), emitting zremrangebyrank.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREMRANGEBYRANK', () => {
  it('removes ranks and deletes an emptied key', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    expect(c.call('ZREMRANGEBYRANK', 'z', '1', '-2')).toBe(2);
    expect(c.call('ZRANGE', 'z', '0', '-1')).toEqual(['a', 'd']);
    expect(c.call('ZREMRANGEBYRANK', 'z', '5', '10')).toBe(0);
    expect(c.call('ZREMRANGEBYRANK', 'z', '0', '-1')).toBe(2);
    expect(c.call('EXISTS', 'z')).toBe(0);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zremrangebyrank', 'z'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zremrangebyrank', 'z'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'z'],
    ]);
  });

  it('refuses non-integer indexes before looking at the key', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZREMRANGEBYRANK', 's', 'x', '1')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('ZREMRANGEBYRANK', 's', '0', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
