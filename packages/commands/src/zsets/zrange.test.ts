// ZRANGE in all its forms: by rank, BYSCORE, BYLEX, REV, LIMIT and WITHSCORES (flat in RESP2,
// pairs in RESP3), with Redis's option rules and errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const c = new Harness().client();
  c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
  return c;
}

describe('ZRANGE', () => {
  it('answers rank ranges with negative and out-of-range indexes', () => {
    const c = setup();
    expect(c.call('ZRANGE', 'z', '0', '-1')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(c.call('ZRANGE', 'z', '-2', '100')).toEqual(['d', 'e']);
    expect(c.call('ZRANGE', 'z', '-100', '0')).toEqual(['a']);
    expect(c.call('ZRANGE', 'z', '3', '1')).toEqual([]);
    expect(c.call('ZRANGE', 'z', '0', '1', 'REV', 'WITHSCORES')).toEqual(['e', '5', 'd', '4']);
    expect(c.call('ZRANGE', 'nokey', '0', '-1')).toEqual([]);
  });

  it('answers score ranges, reversed with max first, and LIMIT offset count', () => {
    const c = setup();
    expect(c.call('ZRANGE', 'z', '(1', '4', 'BYSCORE')).toEqual(['b', 'c', 'd']);
    expect(c.call('ZRANGE', 'z', '4', '(1', 'BYSCORE', 'REV')).toEqual(['d', 'c', 'b']);
    expect(c.call('ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '1', '2')).toEqual(['b', 'c']);
    expect(c.call('ZRANGE', 'z', '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', '1', '2', 'WITHSCORES')).toEqual(['d', '4', 'c', '3']);
    expect(c.call('ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '3', '-1')).toEqual(['d', 'e']);
    expect(c.call('ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '-1', '2')).toEqual([]);
    expect(c.call('ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '9', '2')).toEqual([]);
  });

  it('answers lex ranges', () => {
    const c = new Harness().client();
    c.call('ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
    expect(c.call('ZRANGE', 'l', '[b', '(d', 'BYLEX')).toEqual(['b', 'c']);
    expect(c.call('ZRANGE', 'l', '+', '(b', 'BYLEX', 'REV', 'LIMIT', '0', '1')).toEqual(['d']);
    expect(c.call('ZRANGE', 'l', '-', '+', 'BYLEX', 'LIMIT', '1', '2')).toEqual(['b', 'c']);
  });

  it('nests [member, score] pairs in RESP3', () => {
    const c = setup();
    c.call('HELLO', '3');
    expect(c.call('ZRANGE', 'z', '0', '1', 'WITHSCORES')).toEqual([['a', { double: 1 }], ['b', { double: 2 }]]);
  });

  it('refuses repeated or conflicting options with Redis texts', () => {
    const c = setup();
    expect(c.call('ZRANGE', 'z', '0', '1', 'LIMIT', '0', '1')).toEqual({ error: 'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX' });
    expect(c.call('ZRANGE', 'z', '-', '+', 'BYLEX', 'WITHSCORES')).toEqual({ error: 'ERR syntax error, WITHSCORES not supported in combination with BYLEX' });
    expect(c.call('ZRANGE', 'z', '0', '1', 'BYSCORE', 'BYLEX')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGE', 'z', '0', '1', 'REV', 'REV')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGE', 'z', '0', '1', 'LIMIT', '1')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGE', 'z', 'a', '1')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('ZRANGE', 'z', 'a', '1', 'BYSCORE')).toEqual({ error: 'ERR min or max is not a float' });
    expect(c.call('ZRANGE', 'z', 'a', '1', 'BYLEX')).toEqual({ error: 'ERR min or max not valid string range item' });
  });

  it('answers WRONGTYPE only after the arguments parsed', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZRANGE', 's', '0', '1', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGE', 's', '0', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
