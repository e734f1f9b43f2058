// ZADD adds and updates members with NX/XX/GT/LT/CH/INCR exactly as Redis 7.0 (errors, replies,
// encoding switch, one zadd/zincr event with one dirty per changed member).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONGTYPE = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('ZADD', () => {
  it('answers how many members were new and updates scores in place', () => {
    const c = new Harness().client();
    expect(c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c')).toBe(3);
    expect(c.call('ZADD', 'z', '10', 'a', '2', 'b', '4', 'd')).toBe(1);
    expect(c.call('ZRANGE', 'z', '0', '-1', 'WITHSCORES')).toEqual(['b', '2', 'c', '3', 'd', '4', 'a', '10']);
    expect(c.call('TYPE', 'z')).toEqual({ simple: 'zset' });
  });

  it('counts changed members with CH', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b');
    expect(c.call('ZADD', 'z', 'CH', '1', 'a', '5', 'b', '6', 'c')).toBe(2);
  });

  it('NX adds only new members, XX updates only existing ones and creates nothing', () => {
    const c = new Harness().client();
    expect(c.call('ZADD', 'z', 'XX', '1', 'a')).toBe(0);
    expect(c.call('EXISTS', 'z')).toBe(0);
    c.call('ZADD', 'z', '1', 'a');
    expect(c.call('ZADD', 'z', 'NX', '5', 'a', '2', 'b')).toBe(1);
    expect(c.call('ZADD', 'z', 'XX', 'CH', '7', 'a', '3', 'c')).toBe(1);
    expect(c.call('ZRANGE', 'z', '0', '-1', 'WITHSCORES')).toEqual(['b', '2', 'a', '7']);
  });

  it('GT and LT update only towards greater or lower scores, but still add new members', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '5', 'a');
    expect(c.call('ZADD', 'z', 'GT', 'CH', '3', 'a', '1', 'new')).toBe(1);
    expect(c.call('ZSCORE', 'z', 'a')).toEqual('5');
    expect(c.call('ZADD', 'z', 'GT', 'CH', '6', 'a')).toBe(1);
    expect(c.call('ZADD', 'z', 'LT', 'CH', '7', 'a')).toBe(0);
    expect(c.call('ZADD', 'z', 'LT', 'CH', '2', 'a')).toBe(1);
    expect(c.call('ZSCORE', 'z', 'a')).toEqual('2');
  });

  it('INCR adds to the score and answers it, or null when a condition refused', () => {
    const c = new Harness().client();
    expect(c.call('ZADD', 'z', 'INCR', '1.5', 'a')).toEqual('1.5');
    expect(c.call('ZADD', 'z', 'INCR', '2', 'a')).toEqual('3.5');
    expect(c.call('ZADD', 'z', 'INCR', 'GT', '-1', 'a')).toBeNull();
    expect(c.call('ZADD', 'z', 'INCR', 'NX', '1', 'a')).toBeNull();
    expect(c.call('ZADD', 'z', 'INCR', 'XX', '1', 'missing')).toBeNull();
    expect(c.raw('ZADD', 'z', 'INCR', '0.1', 'a')).toBe('$18\r\n3.6000000000000001\r\n');
  });

  it('rejects option conflicts, odd pairs, bad scores and NaN results with Redis texts, changing nothing', () => {
    const c = new Harness().client();
    expect(c.call('ZADD', 'z', 'NX', 'XX', '1', 'a')).toEqual({ error: 'ERR XX and NX options at the same time are not compatible' });
    expect(c.call('ZADD', 'z', 'GT', 'LT', '1', 'a')).toEqual({ error: 'ERR GT, LT, and/or NX options at the same time are not compatible' });
    expect(c.call('ZADD', 'z', 'NX', 'GT', '1', 'a')).toEqual({ error: 'ERR GT, LT, and/or NX options at the same time are not compatible' });
    expect(c.call('ZADD', 'z', 'INCR', '1', 'a', '2', 'b')).toEqual({ error: 'ERR INCR option supports a single increment-element pair' });
    expect(c.call('ZADD', 'z', '1', 'a', '2')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZADD', 'z', 'CH', 'NX')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZADD', 'z', '1', 'a', 'x', 'b')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('ZADD', 'z', 'nan', 'a')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('ZADD', 'z')).toEqual({ error: "ERR wrong number of arguments for 'zadd' command" });
    expect(c.call('EXISTS', 'z')).toBe(0);
    c.call('ZADD', 'z', 'inf', 'a');
    expect(c.call('ZADD', 'z', 'INCR', '-inf', 'a')).toEqual({ error: 'ERR resulting score is not a number (NaN)' });
    expect(c.call('ZSCORE', 'z', 'a')).toEqual('inf');
  });

  it('answers WRONGTYPE against another type and leaves it alone', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZADD', 's', '1', 'a')).toEqual(WRONGTYPE);
    expect(c.call('GET', 's')).toBe('v');
  });

  it('stays listpack within the limits and converts past them, never back', () => {
    const c = new Harness({ config: { 'zset-max-listpack-entries': '2', 'zset-max-listpack-value': '4' } }).client();
    c.call('ZADD', 'z', '1', 'a', '2', 'abcd');
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('listpack');
    c.call('ZADD', 'z', '3', 'c');
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
    c.call('ZREM', 'z', 'a', 'c');
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
    c.call('ZADD', 'long', '1', 'abcde');
    expect(c.call('OBJECT', 'ENCODING', 'long')).toBe('skiplist');
  });

  it('keeps -0 as 0 in a listpack but as -0 in a skiplist, as Redis', () => {
    const c = new Harness({ config: { 'zset-max-listpack-entries': '1' } }).client();
    c.call('ZADD', 'small', '-0', 'a');
    expect(c.raw('ZSCORE', 'small', 'a')).toBe('$1\r\n0\r\n');
    c.call('ZADD', 'big', '1', 'x', '-0', 'a');
    expect(c.raw('ZSCORE', 'big', 'a')).toBe('$2\r\n-0\r\n');
  });

  it('emits one zadd event per call and counts one change per changed member', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    c.call('ZADD', 'z', '1', 'a', '2', 'b');
    c.call('ZADD', 'z', '1', 'a', '3', 'b');
    c.call('ZADD', 'z', '1', 'a');
    c.call('ZADD', 'z', 'INCR', '1', 'a');
    expect(h.keyspace.stats.dirty - dirty).toBe(4);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zadd', 'z'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zadd', 'z'],
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:zincr', 'z'],
    ]);
  });

  it('digests as redis-server does, whatever the encoding', () => {
    const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
    c.call('ZADD', 'z', '1', 'a', '2.5', 'b', '-3', 'c', 'inf', 'd');
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'z')).toEqual([{ simple: '8391aae885cd951e7cf5ef26de96a69824c66973' }]);
    c.call('CONFIG', 'SET', 'zset-max-listpack-entries', '1');
    c.call('ZADD', 'z2', 'inf', 'd', '-3', 'c', '2.5', 'b', '1', 'a');
    expect(c.call('OBJECT', 'ENCODING', 'z2')).toBe('skiplist');
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'z2')).toEqual([{ simple: '8391aae885cd951e7cf5ef26de96a69824c66973' }]);
  });
});
