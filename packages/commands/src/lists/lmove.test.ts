// LMOVE pops from one end of the source and pushes onto an end of the destination (the same
// key rotates), nil for a missing source, WRONGTYPE from either key before anything moves.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONGTYPE = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('LMOVE', () => {
  it('moves between every pair of ends', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'src', 'a', 'b', 'c', 'd');
    expect(c.call('LMOVE', 'src', 'dst', 'LEFT', 'RIGHT')).toBe('a');
    expect(c.call('LMOVE', 'src', 'dst', 'right', 'left')).toBe('d');
    expect(c.call('LMOVE', 'src', 'dst', 'LEFT', 'LEFT')).toBe('b');
    expect(c.call('LMOVE', 'src', 'dst', 'RIGHT', 'RIGHT')).toBe('c');
    expect(c.call('LRANGE', 'dst', 0, -1)).toEqual(['b', 'd', 'a', 'c']);
    expect(c.call('EXISTS', 'src')).toBe(0);
  });

  it('rotates a list onto itself, keeping a one-element list', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    expect(c.call('LMOVE', 'l', 'l', 'LEFT', 'RIGHT')).toBe('a');
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['b', 'c', 'a']);
    c.call('RPUSH', 'one', 'x');
    expect(c.call('LMOVE', 'one', 'one', 'RIGHT', 'LEFT')).toBe('x');
    expect(c.call('LRANGE', 'one', 0, -1)).toEqual(['x']);
  });

  it('answers nil for a missing source and creates no destination', () => {
    const c = new Harness().client();
    expect(c.call('LMOVE', 'nokey', 'dst', 'LEFT', 'LEFT')).toBeNull();
    expect(c.call('EXISTS', 'dst')).toBe(0);
  });

  it('answers WRONGTYPE for either key and moves nothing', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LMOVE', 's', 'l', 'LEFT', 'LEFT')).toEqual(WRONGTYPE);
    expect(c.call('LMOVE', 'l', 's', 'LEFT', 'LEFT')).toEqual(WRONGTYPE);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['a']);
  });

  it('rejects directions other than LEFT and RIGHT before any lookup', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LMOVE', 's', 'd', 'up', 'left')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('LMOVE', 's', 'd', 'left', 'down')).toEqual({ error: 'ERR syntax error' });
  });

  it('emits the push on the destination, then the pop and del on the source', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    c.call('RPUSH', 'src', 'a');
    c.call('RPUSH', 'dst', 'z');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyspace@0__:*');
    c.call('LMOVE', 'src', 'dst', 'RIGHT', 'LEFT');
    expect(s.drain().map((m) => `${(m as string[])[2]} ${(m as string[])[3]}`)).toEqual([
      '__keyspace@0__:dst lpush', '__keyspace@0__:src rpop', '__keyspace@0__:src del',
    ]);
  });

  it('touches both keys for WATCH', () => {
    const h = new Harness();
    const c = h.client();
    h.client().call('RPUSH', 'src', 'a', 'b');
    c.call('WATCH', 'src');
    h.client().call('LMOVE', 'src', 'dst', 'LEFT', 'LEFT');
    c.call('MULTI');
    c.call('PING');
    expect(c.call('EXEC')).toBeNull();
    c.call('WATCH', 'dst');
    h.client().call('LMOVE', 'src', 'dst', 'LEFT', 'LEFT');
    c.call('MULTI');
    c.call('PING');
    expect(c.call('EXEC')).toBeNull();
  });
});
