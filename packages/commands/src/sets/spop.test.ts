// SPOP removes and answers random members: one as a bulk, `count` as a set reply; taking all
// deletes the key (spop then del), taking nearly all rebuilds the set from what stays (an
// intset again when only integers stay); dirty counts one per member popped.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const NUMBERS = Array.from({ length: 26 }, (_, i) => String(i + 1));

describe('SPOP', () => {
  it('without a count pops each member once, then the key is gone', () => {
    const c = new Harness().client();
    for (const members of [['a', 'b', 'c'], ['1', '2', '3']]) {
      c.call('SADD', 's', ...members);
      const popped = [c.call('SPOP', 's'), c.call('SPOP', 's'), c.call('SPOP', 's')] as string[];
      expect(popped.sort()).toEqual(members);
      expect(c.call('EXISTS', 's')).toBe(0);
      expect(c.call('SPOP', 's')).toBeNull();
    }
  });

  it('with counts pops distinct members until the set is exhausted, in both encodings', () => {
    const c = new Harness().client();
    for (const members of [LETTERS, NUMBERS]) {
      c.call('SADD', 's', ...members);
      const all: string[] = [];
      for (const n of [11, 9, 0, 4, 1, 0, 1, 0]) {
        const got = c.call('SPOP', 's', n) as string[];
        expect(got).toHaveLength(n);
        all.push(...got);
      }
      expect(all.sort()).toEqual([...members].sort());
      expect(c.call('SCARD', 's')).toBe(0);
    }
  });

  it('a count at least the size answers the whole set and deletes the key: spop then del', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('SADD', 's', 3, 1, 2);
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('SPOP', 's', 30)).toEqual(['1', '2', '3']);
    expect(h.keyspace.stats.dirty - dirty).toBe(3);
    expect(c.call('EXISTS', 's')).toBe(0);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:spop', 's'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:del', 's'],
    ]);
  });

  it('a partial pop emits spop only and counts one dirty change per member', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    c.call('SADD', 's', ...NUMBERS.slice(0, 20));
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    for (const [n, left] of [[2, 18], [16, 2]] as const) {
      const dirty = h.keyspace.stats.dirty;
      const got = c.call('SPOP', 's', n) as string[];
      expect(new Set(got).size).toBe(n);
      expect(h.keyspace.stats.dirty - dirty).toBe(n);
      expect(c.call('SCARD', 's')).toBe(left);
      for (const m of got) expect(c.call('SISMEMBER', 's', m)).toBe(0);
    }
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:spop', 's'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:spop', 's'],
    ]);
  });

  it('popping nearly everything rebuilds the set, back to an intset when only integers stay', () => {
    const c = new Harness({ config: { 'set-max-intset-entries': '4' } }).client();
    c.call('SADD', 's', ...NUMBERS.slice(0, 20));
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    c.call('SPOP', 's', 18);
    expect(c.call('SCARD', 's')).toBe(2);
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('intset');
    c.call('DEL', 's');
    c.call('SADD', 's', ...NUMBERS.slice(0, 10));
    c.call('SPOP', 's', 8); // 2 stay, but 2 × 5 > 8: popped one by one, no rebuild
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
  });

  it('keeps the TTL of a set it rebuilds', () => {
    const c = new Harness().client();
    c.call('SADD', 's', ...LETTERS.slice(0, 10));
    c.call('EXPIRE', 's', 100);
    c.call('SPOP', 's', 9);
    expect(c.call('TTL', 's')).toBe(100);
  });

  it('answers RESP3 set replies, null for a missing key without a count', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 5);
    c.call('HELLO', '3');
    expect(c.raw('SPOP', 'nokey')).toBe('_\r\n');
    expect(c.raw('SPOP', 'nokey', 3)).toBe('~0\r\n');
    expect(c.raw('SPOP', 's', 0)).toBe('~0\r\n');
    expect(c.raw('SPOP', 's', 1)).toBe('~1\r\n$1\r\n5\r\n');
  });

  it('rejects a negative or non-integer count, extra arguments, other types and bad arity', () => {
    const c = new Harness().client();
    c.call('SADD', 's', 1);
    c.call('SET', 'str', 'v');
    const range = { error: 'ERR value is out of range, must be positive' };
    expect(c.call('SPOP', 's', -1)).toEqual(range);
    expect(c.call('SPOP', 's', 'a')).toEqual(range);
    expect(c.call('SPOP', 'nokey', -1)).toEqual(range);
    expect(c.call('SPOP', 's', 1, 2)).toEqual({ error: 'ERR syntax error' });
    const wrong = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
    expect(c.call('SPOP', 'str')).toEqual(wrong);
    expect(c.call('SPOP', 'str', 0)).toEqual(wrong);
    expect(c.call('SPOP')).toEqual({ error: "ERR wrong number of arguments for 'spop' command" });
    expect(c.call('SCARD', 's')).toBe(1);
  });
});
