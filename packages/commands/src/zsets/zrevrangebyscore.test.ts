// ZREVRANGEBYSCORE takes max then min and answers from the top.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREVRANGEBYSCORE', () => {
  it('answers reversed score ranges with LIMIT', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    expect(c.call('ZREVRANGEBYSCORE', 'z', '+inf', '(1')).toEqual(['d', 'c', 'b']);
    expect(c.call('ZREVRANGEBYSCORE', 'z', '3', '1', 'WITHSCORES', 'LIMIT', '1', '5')).toEqual(['b', '2', 'a', '1']);
    expect(c.call('ZREVRANGEBYSCORE', 'z', '1', '3')).toEqual([]);
  });
});
