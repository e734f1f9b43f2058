// ZUNION merges sorted sets and plain sets (score 1) with WEIGHTS and AGGREGATE, answering in
// score order; inf + -inf sums to 0; errors in Redis's order.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const c = new Harness().client();
  c.call('ZADD', 'a', '1', 'x', '2', 'y', '3', 'z');
  c.call('ZADD', 'b', '10', 'y', '20', 'z', '30', 'w');
  c.call('SADD', 's', 'x', 'v');
  return c;
}

describe('ZUNION', () => {
  it('sums scores by default and accepts plain sets', () => {
    const c = setup();
    expect(c.call('ZUNION', '2', 'a', 'b', 'WITHSCORES')).toEqual(['x', '1', 'y', '12', 'z', '23', 'w', '30']);
    expect(c.call('ZUNION', '3', 'a', 's', 'nokey', 'WITHSCORES')).toEqual(['v', '1', 'x', '2', 'y', '2', 'z', '3']);
    expect(c.call('ZUNION', '2', 'a', 'b')).toEqual(['x', 'y', 'z', 'w']);
  });

  it('applies weights and MIN/MAX aggregation', () => {
    const c = setup();
    expect(c.call('ZUNION', '2', 'a', 'b', 'WEIGHTS', '2', '0.5', 'AGGREGATE', 'MAX', 'WITHSCORES')).toEqual(['x', '2', 'y', '5', 'z', '10', 'w', '15']);
    expect(c.call('ZUNION', '2', 'a', 'b', 'AGGREGATE', 'min', 'WITHSCORES')).toEqual(['x', '1', 'y', '2', 'z', '3', 'w', '30']);
  });

  it('turns inf + -inf and inf × 0 into 0', () => {
    const c = new Harness().client();
    c.call('ZADD', 'i', 'inf', 'm');
    expect(c.call('ZUNION', '2', 'i', 'i', 'WEIGHTS', '1', '-1', 'WITHSCORES')).toEqual(['m', '0']);
    expect(c.call('ZUNION', '1', 'i', 'WEIGHTS', '0', 'WITHSCORES')).toEqual(['m', '0']);
  });

  it('refuses bad numkeys, options and types with Redis texts', () => {
    const c = setup();
    c.call('SET', 'str', 'v');
    expect(c.call('ZUNION', '0', 'a')).toEqual({ error: "ERR at least 1 input key is needed for 'zunion' command" });
    expect(c.call('ZUNION', 'x', 'a')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('ZUNION', '3', 'a', 'b')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZUNION', '2', 'a', 'b', 'WEIGHTS', '1')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', 'x')).toEqual({ error: 'ERR weight value is not a float' });
    expect(c.call('ZUNION', '2', 'a', 'b', 'AGGREGATE', 'avg')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZUNION', '2', 'str', 'b', 'FOO')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('nests pairs in RESP3 and reports its keys', () => {
    const c = setup();
    c.call('HELLO', '3');
    expect(c.call('ZUNION', '1', 'a', 'WITHSCORES')).toEqual([['x', { double: 1 }], ['y', { double: 2 }], ['z', { double: 3 }]]);
    expect(c.call('COMMAND', 'GETKEYS', 'ZUNION', '2', 'a', 'b', 'WITHSCORES')).toEqual(['a', 'b']);
  });
});
