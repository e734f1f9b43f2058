// Proves what sorted-set pops send to the AOF and replicas, as Redis 7.0.15 does: ZMPOP and
// BZMPOP as ZPOPMIN/ZPOPMAX with the number popped, BZPOPMIN/BZPOPMAX without a count —
// at once and when a blocked client is served later.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  return { h, c: h.client(), fx: h.recordEffects() };
}

describe('sorted-set propagation', () => {
  it('ZMPOP propagates as ZPOPMIN/ZPOPMAX with the count popped; ZPOPMIN as sent', () => {
    const { c, fx } = setup();
    c.call('ZADD', 'z', '1', 'one', '2', 'two', '3', 'three');
    c.call('ZMPOP', '1', 'z', 'MIN');
    c.call('ZMPOP', '1', 'z', 'max', 'COUNT', '1');
    c.call('ZMPOP', '2', 'z', 'z2', 'MIN', 'COUNT', '10');
    c.call('ZMPOP', '2', 'z', 'z2', 'MAX', 'COUNT', '10');
    c.call('ZADD', 'z', '1', 'a');
    c.call('ZPOPMIN', 'z', '10');
    c.call('ZPOPMIN', 'z', '10');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['ZADD', 'z', '1', 'one', '2', 'two', '3', 'three'],
      ['ZPOPMIN', 'z', '1'],
      ['ZPOPMAX', 'z', '1'],
      ['ZPOPMIN', 'z', '1'],
      ['ZADD', 'z', '1', 'a'],
      ['ZPOPMIN', 'z', '10'],
    ]);
  });

  it('BZPOPMIN, BZPOPMAX and BZMPOP propagate as ZPOPMIN/ZPOPMAX at once and when served later', () => {
    const { h, c, fx } = setup();
    c.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    c.call('BZPOPMIN', 'none', 'z', '0');
    c.call('BZMPOP', '0', '1', 'z', 'MAX', 'COUNT', '9');
    const w = [h.client(), h.client()];
    w[0]?.send('BZPOPMAX', 'z1', '0');
    w[1]?.send('BZMPOP', '0', '2', 'z1', 'z2', 'MIN', 'COUNT', '5');
    c.call('ZADD', 'z1', '1', 'a', '2', 'b');
    c.call('ZADD', 'z2', '1', 'a', '2', 'b');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['ZPOPMIN', 'z'],
      ['ZPOPMAX', 'z', '2'],
      ['ZADD', 'z1', '1', 'a', '2', 'b'],
      ['ZPOPMAX', 'z1'],
      ['ZPOPMIN', 'z1', '1'],
      ['ZADD', 'z2', '1', 'a', '2', 'b'],
    ]);
  });
});
