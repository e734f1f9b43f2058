// SINTERSTORE, SUNIONSTORE and SDIFFSTORE store their result over any destination (dropping
// its TTL) with their own event and one dirty change, encode it as a fresh set would be
// (intset when all integers fit), and delete the destination (del) when the result is empty.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const OPS = [
  ['SINTERSTORE', ['2', '3', 'y']],
  ['SUNIONSTORE', ['1', '2', '3', '4', 'x', 'y', 'z']],
  ['SDIFFSTORE', ['1', 'x']],
] as const;

function events() {
  const h = new Harness({ config: { 'notify-keyspace-events': 'KEA', 'enable-debug-command': 'yes' } });
  const c = h.client();
  const s = h.client();
  c.call('SADD', 'a', 1, 2, 3, 'x', 'y');
  c.call('SADD', 'b', 2, 3, 4, 'y', 'z');
  s.call('PSUBSCRIBE', '__keyevent@0__:*');
  return { h, c, s };
}

describe('SINTERSTORE / SUNIONSTORE / SDIFFSTORE', () => {
  for (const [cmd, result] of OPS) {
    it(`${cmd} stores the result over a key of any type, dropping its TTL`, () => {
      const { h, c, s } = events();
      c.call('SET', 'd', 'old', 'EX', 100);
      s.drain();
      const dirty = h.keyspace.stats.dirty;
      expect(c.call(cmd, 'd', 'a', 'b')).toBe(result.length);
      expect(h.keyspace.stats.dirty - dirty).toBe(1);
      expect((c.call('SMEMBERS', 'd') as string[]).sort()).toEqual([...result]);
      expect(c.call('TTL', 'd')).toBe(-1);
      expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', `__keyevent@0__:${cmd.toLowerCase()}`, 'd']]);
    });

    it(`${cmd} with an empty result deletes the destination (del), or does nothing when absent`, () => {
      const { h, c, s } = events();
      c.call('SET', 'd', 'old');
      s.drain();
      let dirty = h.keyspace.stats.dirty;
      expect(c.call(cmd, 'd', 'nokey')).toBe(0);
      expect(c.call('EXISTS', 'd')).toBe(0);
      expect(h.keyspace.stats.dirty - dirty).toBe(1);
      expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'd']]);
      dirty = h.keyspace.stats.dirty;
      expect(c.call(cmd, 'd', 'nokey')).toBe(0);
      expect(h.keyspace.stats.dirty).toBe(dirty);
      expect(s.drain()).toEqual([]);
    });

    it(`${cmd} with an empty result deletes a destination whose TTL passed with del, not expired`, () => {
      const { h, c, s } = events();
      c.call('DEBUG', 'SET-ACTIVE-EXPIRE', 0);
      c.call('SET', 'd', 'old', 'PX', 10);
      h.advance(20);
      s.drain();
      const dirty = h.keyspace.stats.dirty;
      expect(c.call(cmd, 'd', 'nokey')).toBe(0);
      expect(h.keyspace.stats.dirty - dirty).toBe(1);
      expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 'd']]);
    });

    it(`${cmd} answers WRONGTYPE for a source of another type, keeping the destination`, () => {
      const c = new Harness().client();
      c.call('SET', 'str', 'v');
      c.call('SADD', 'd', 'keep');
      const wrong = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
      expect(c.call(cmd, 'd', 'str', 'nokey')).toEqual(wrong);
      expect(c.call(cmd, 'd', 'nokey', 'str')).toEqual(wrong);
      expect(c.call('SMEMBERS', 'd')).toEqual(['keep']);
      expect(c.call(cmd, 'd')).toEqual({ error: `ERR wrong number of arguments for '${cmd.toLowerCase()}' command` });
    });
  }

  it('stores integer results as an intset and others as a hashtable', () => {
    const c = new Harness().client();
    c.call('SADD', 'h', 1, 2, 3, 'x');
    c.call('SADD', 'i', 2, 3, 4);
    c.call('SINTERSTORE', 'd1', 'h', 'i');
    expect(c.call('OBJECT', 'ENCODING', 'd1')).toBe('intset');
    expect(c.call('SMEMBERS', 'd1')).toEqual(['2', '3']);
    c.call('SUNIONSTORE', 'd2', 'h', 'i');
    expect(c.call('OBJECT', 'ENCODING', 'd2')).toBe('hashtable');
    c.call('SDIFFSTORE', 'd3', 'h', 'i');
    expect(c.call('OBJECT', 'ENCODING', 'd3')).toBe('hashtable');
    c.call('SADD', 'x', 'x');
    c.call('SDIFFSTORE', 'd4', 'h', 'x');
    expect(c.call('OBJECT', 'ENCODING', 'd4')).toBe('intset');
  });

  it('SDIFFSTORE by the add-then-remove algorithm keeps the hashtable a removed string forced', () => {
    const c = new Harness().client();
    c.call('SADD', 'big', 'x', ...Array.from({ length: 20 }, (_, i) => i));
    c.call('SADD', 'small', 'x');
    c.call('SDIFFSTORE', 'd', 'big', 'small', 'small', 'small');
    expect(c.call('SCARD', 'd')).toBe(20);
    expect(c.call('OBJECT', 'ENCODING', 'd')).toBe('hashtable');
  });

  it('may name a source as its destination', () => {
    const c = new Harness().client();
    c.call('SADD', 'a', 1, 2, 3);
    c.call('SADD', 'b', 2, 3, 4);
    expect(c.call('SINTERSTORE', 'a', 'a', 'b')).toBe(2);
    expect(c.call('SMEMBERS', 'a')).toEqual(['2', '3']);
  });
});
