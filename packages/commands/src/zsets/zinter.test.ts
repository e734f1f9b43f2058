// ZINTER keeps members present in every input, aggregating their weighted scores.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZINTER', () => {
  it('intersects sorted sets and plain sets', () => {
    const c = new Harness().client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y', '3', 'z');
    c.call('ZADD', 'b', '10', 'y', '20', 'z', '30', 'w');
    c.call('SADD', 's', 'z', 'v');
    expect(c.call('ZINTER', '2', 'a', 'b', 'WITHSCORES')).toEqual(['y', '12', 'z', '23']);
    expect(c.call('ZINTER', '3', 'a', 'b', 's', 'WEIGHTS', '1', '1', '100', 'WITHSCORES')).toEqual(['z', '123']);
    expect(c.call('ZINTER', '2', 'a', 'b', 'AGGREGATE', 'MAX', 'WITHSCORES')).toEqual(['y', '10', 'z', '20']);
    expect(c.call('ZINTER', '2', 'a', 'nokey')).toEqual([]);
    expect(c.call('ZINTER', '0', 'a')).toEqual({ error: "ERR at least 1 input key is needed for 'zinter' command" });
  });
});
