// LPOP: one element as a bulk, with a count an array (empty for 0, null array for a missing
// key in RESP2 and RESP3 shapes), count errors before the lookup, key deleted when emptied.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LPOP', () => {
  it('pops the head element, and nil from a missing key', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b');
    expect(c.call('LPOP', 'l')).toBe('a');
    expect(c.call('LPOP', 'l')).toBe('b');
    expect(c.call('EXISTS', 'l')).toBe(0);
    expect(c.raw('LPOP', 'l')).toBe('$-1\r\n');
  });

  it('with a count pops up to that many from the head', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    expect(c.call('LPOP', 'l', 2)).toEqual(['a', 'b']);
    expect(c.call('LPOP', 'l', 10)).toEqual(['c']);
    expect(c.call('EXISTS', 'l')).toBe(0);
  });

  it('count 0 answers an empty array on a list and a null array on a missing key', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.raw('LPOP', 'l', 0)).toBe('*0\r\n');
    expect(c.call('LLEN', 'l')).toBe(1);
    expect(c.raw('LPOP', 'nokey', 0)).toBe('*-1\r\n');
    expect(c.raw('LPOP', 'nokey', 1)).toBe('*-1\r\n');
  });

  it('answers RESP3 nulls for a missing key with or without count', () => {
    const c = new Harness().client();
    c.call('HELLO', 3);
    expect(c.raw('LPOP', 'nokey')).toBe('_\r\n');
    expect(c.raw('LPOP', 'nokey', 2)).toBe('_\r\n');
  });

  it('rejects a negative or non-integer count, even for a missing key', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    for (const n of ['-1', 'abc', '1.5']) {
      expect(c.call('LPOP', 'l', n)).toEqual({ error: 'ERR value is out of range, must be positive' });
      expect(c.call('LPOP', 'nokey', n)).toEqual({ error: 'ERR value is out of range, must be positive' });
    }
    expect(c.call('LLEN', 'l')).toBe(1);
  });

  it('pops everything for a count beyond 2^53', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b');
    expect(c.call('LPOP', 'l', '9223372036854775807')).toEqual(['a', 'b']);
  });

  it('takes at most one count argument', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LPOP', 'l', 1, 2)).toEqual({ error: "ERR wrong number of arguments for 'lpop' command" });
  });

  it('answers WRONGTYPE for another type, also with count 0', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LPOP', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('LPOP', 's', 0)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits lpop, then del when the list empties', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a', 'b');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LPOP', 'l');
    c.call('LPOP', 'l', 5);
    c.call('LPOP', 'l');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:lpop', '__keyevent@0__:lpop', '__keyevent@0__:del']);
  });
});
