// ZRANGESTORE stores any ZRANGE selection (no WITHSCORES), deletes the destination for an empty
// one, and emits zrangestore.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZRANGESTORE', () => {
  it('stores rank, score and lex selections over any destination', () => {
    const c = new Harness().client();
    c.call('ZADD', 'src', '1', 'a', '2', 'b', '3', 'c');
    c.call('SET', 'dst', 'v');
    c.call('EXPIRE', 'dst', '100');
    expect(c.call('ZRANGESTORE', 'dst', 'src', '0', '1')).toBe(2);
    expect(c.call('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['a', '1', 'b', '2']);
    expect(c.call('TTL', 'dst')).toBe(-1);
    expect(c.call('ZRANGESTORE', 'dst', 'src', '+inf', '(1', 'BYSCORE', 'REV', 'LIMIT', '0', '1')).toBe(1);
    expect(c.call('ZRANGE', 'dst', '0', '-1')).toEqual(['c']);
  });

  it('deletes the destination when the selection is empty', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('ZADD', 'src', '1', 'a');
    c.call('ZADD', 'dst', '1', 'x');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    expect(c.call('ZRANGESTORE', 'dst', 'src', '5', '10')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
    expect(c.call('ZRANGESTORE', 'dst', 'src', '0', '0')).toBe(1);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'dst'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zrangestore', 'dst'],
    ]);
  });

  it('refuses WITHSCORES and a source of another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZRANGESTORE', 'dst', 's', '0', '-1', 'WITHSCORES')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGESTORE', 'dst', 's', '0', '-1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
