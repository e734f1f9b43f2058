// SADD adds new members and counts them, creates the set as an intset when its first member
// is an integer, converts to hashtable by Redis 7.0's rules, and emits sadd with one dirty
// change per member added.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SADD', () => {
  it('answers how many members were new', () => {
    const c = new Harness().client();
    expect(c.call('SADD', 's', 'a', 'b', 'c')).toBe(3);
    expect(c.call('SADD', 's', 'A', 'a', 'b', 'c', 'B')).toBe(2);
    expect(c.call('SADD', 's', 'a')).toBe(0);
    expect((c.call('SMEMBERS', 's') as string[]).sort()).toEqual(['A', 'B', 'a', 'b', 'c']);
  });

  it('keeps integers as an intset until a non-integer arrives, and never converts back', () => {
    const c = new Harness().client();
    c.call('SADD', 's', '3', '1', '2');
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('intset');
    expect(c.call('SMEMBERS', 's')).toEqual(['1', '2', '3']);
    expect(c.call('SADD', 's', 'a')).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    c.call('SREM', 's', 'a');
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
  });

  it('treats integers beyond 64 bits and non-canonical forms as strings', () => {
    const c = new Harness().client();
    c.call('SADD', 'big', '213244124402402314402033402');
    expect(c.call('OBJECT', 'ENCODING', 'big')).toBe('hashtable');
    expect(c.call('SISMEMBER', 'big', '213244124402402314402033402')).toBe(1);
    for (const m of ['007', '-0', '+1', '9223372036854775808']) {
      c.call('DEL', 'k');
      c.call('SADD', 'k', m);
      expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('hashtable');
    }
    c.call('SADD', 'edge', '-9223372036854775808', '9223372036854775807');
    expect(c.call('OBJECT', 'ENCODING', 'edge')).toBe('intset');
    expect(c.call('SMEMBERS', 'edge')).toEqual(['-9223372036854775808', '9223372036854775807']);
  });

  it('converts once the intset outgrows set-max-intset-entries', () => {
    const c = new Harness().client();
    for (let i = 0; i < 512; i++) c.call('SADD', 's', i);
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('intset');
    expect(c.call('SADD', 's', 512)).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    const d = new Harness({ config: { 'set-max-intset-entries': '2' } }).client();
    d.call('SADD', 's', 1, 2);
    expect(d.call('OBJECT', 'ENCODING', 's')).toBe('intset');
    d.call('SADD', 's', 3);
    expect(d.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
  });

  it('emits sadd with one dirty change per new member, nothing when none is new', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:sadd');
    const dirty = h.keyspace.stats.dirty;
    c.call('SADD', 's', 'a', 'b', 'a');
    expect(h.keyspace.stats.dirty - dirty).toBe(2);
    c.call('SADD', 's', 'a');
    expect(h.keyspace.stats.dirty - dirty).toBe(2);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:sadd', '__keyevent@0__:sadd', 's']]);
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('LPUSH', 'l', 'x');
    expect(c.call('SADD', 'l', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SADD', 's')).toEqual({ error: "ERR wrong number of arguments for 'sadd' command" });
    expect(c.call('TYPE', 'l')).toEqual({ simple: 'list' });
  });
});
