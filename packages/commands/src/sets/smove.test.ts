// SMOVE moves a member between sets: srem (and del when the source empties) then sadd,
// creating the destination with Redis's encoding choice; a no-op between a key and itself.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONG = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('SMOVE', () => {
  it('moves a member, converting the destination as SADD would', () => {
    const c = new Harness().client();
    c.call('SADD', 'src', 'a', 'b', 1, 2);
    c.call('SADD', 'dst', 3, 4);
    expect(c.call('SMOVE', 'src', 'dst', 2)).toBe(1);
    expect(c.call('SMEMBERS', 'dst')).toEqual(['2', '3', '4']);
    expect(c.call('OBJECT', 'ENCODING', 'dst')).toBe('intset');
    expect(c.call('SMOVE', 'src', 'dst', 'a')).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 'dst')).toBe('hashtable');
    expect((c.call('SMEMBERS', 'src') as string[]).sort()).toEqual(['1', 'b']);
    expect(c.call('SMOVE', 'src', 'dst', 'zz')).toBe(0);
  });

  it('creates the destination as an intset for an integer and a hashtable otherwise', () => {
    const c = new Harness().client();
    c.call('SADD', 'src', 1, 'x');
    expect(c.call('SMOVE', 'src', 'n1', 1)).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 'n1')).toBe('intset');
    expect(c.call('SMOVE', 'src', 'n2', 'x')).toBe(1);
    expect(c.call('OBJECT', 'ENCODING', 'n2')).toBe('hashtable');
    expect(c.call('EXISTS', 'src')).toBe(0);
  });

  it('emits srem, del, sadd with two dirty changes; one when the member was already there', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('SADD', 'src', 'a');
    c.call('SADD', 'dst', 'a');
    c.call('SADD', 'other', 'b', 'c');
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    let dirty = h.keyspace.stats.dirty;
    expect(c.call('SMOVE', 'src', 'dst', 'a')).toBe(1);
    expect(h.keyspace.stats.dirty - dirty).toBe(1);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:srem', 'src'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'src'],
    ]);
    dirty = h.keyspace.stats.dirty;
    expect(c.call('SMOVE', 'other', 'dst', 'b')).toBe(1);
    expect(h.keyspace.stats.dirty - dirty).toBe(2);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:srem', 'other'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:sadd', 'dst'],
    ]);
  });

  it('between a key and itself answers membership and changes nothing', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SADD', 's', 'a', 'b');
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('SMOVE', 's', 's', 'a')).toBe(1);
    expect(c.call('SMOVE', 's', 's', 'z')).toBe(0);
    expect(h.keyspace.stats.dirty).toBe(dirty);
    expect(c.call('SCARD', 's')).toBe(2);
  });

  it('answers 0 for a missing source even when the destination has another type', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('SMOVE', 'nokey', 'str', 'a')).toBe(0);
    expect(c.call('SMOVE', 'nokey', 'dst', 'a')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
  });

  it('answers WRONGTYPE when either key has another type, moving nothing', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    c.call('SADD', 's', 'a');
    expect(c.call('SMOVE', 'str', 's', 'a')).toEqual(WRONG);
    expect(c.call('SMOVE', 's', 'str', 'a')).toEqual(WRONG);
    expect(c.call('SMEMBERS', 's')).toEqual(['a']);
    expect(c.call('SMOVE', 's', 'd')).toEqual({ error: "ERR wrong number of arguments for 'smove' command" });
  });
});
