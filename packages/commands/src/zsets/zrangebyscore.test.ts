// ZRANGEBYSCORE: min max [WITHSCORES] [LIMIT offset count], strtod bounds, no BYSCORE/REV words.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZRANGEBYSCORE', () => {
  it('answers score ranges with LIMIT and scores', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    expect(c.call('ZRANGEBYSCORE', 'z', '(1', '+inf')).toEqual(['b', 'c', 'd']);
    expect(c.call('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'WITHSCORES', 'LIMIT', '1', '1')).toEqual(['b', '2']);
    expect(c.call('ZRANGEBYSCORE', 'z', '', '(')).toEqual([]);
    expect(c.call('ZRANGEBYSCORE', 'z', '0x1', '0x2')).toEqual(['a', 'b']);
    expect(c.call('ZRANGEBYSCORE', 'z', '1', '2', 'BYSCORE')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGEBYSCORE', 'z', '1', '2', 'REV')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZRANGEBYSCORE', 'z', '1', 'x')).toEqual({ error: 'ERR min or max is not a float' });
  });
});
