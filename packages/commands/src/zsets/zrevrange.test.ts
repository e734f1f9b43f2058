// ZREVRANGE answers ranks from the top and takes neither REV, BYSCORE nor LIMIT.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREVRANGE', () => {
  it('answers reversed ranks with scores', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(c.call('ZREVRANGE', 'z', '0', '-1')).toEqual(['c', 'b', 'a']);
    expect(c.call('ZREVRANGE', 'z', '1', '1', 'WITHSCORES')).toEqual(['b', '2']);
    expect(c.call('ZREVRANGE', 'z', '0', '-1', 'REV')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZREVRANGE', 'z', '0', '-1', 'BYSCORE')).toEqual({ error: 'ERR syntax error' });
  });
});
