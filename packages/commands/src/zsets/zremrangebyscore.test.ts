// ZREMRANGEBYSCORE removes a score range and counts one change per member.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREMRANGEBYSCORE', () => {
  it('removes score ranges', () => {
    const h = new Harness();
    const c = h.client();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    const dirty = h.keyspace.stats.dirty;
    expect(c.call('ZREMRANGEBYSCORE', 'z', '(1', '3')).toBe(2);
    expect(h.keyspace.stats.dirty - dirty).toBe(2);
    expect(c.call('ZRANGE', 'z', '0', '-1')).toEqual(['a', 'd']);
    expect(c.call('ZREMRANGEBYSCORE', 'z', '5', '1')).toBe(0);
    expect(c.call('ZREMRANGEBYSCORE', 'nokey', '0', '1')).toBe(0);
    expect(c.call('ZREMRANGEBYSCORE', 'z', 'x', '1')).toEqual({ error: 'ERR min or max is not a float' });
  });
});
