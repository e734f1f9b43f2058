// Proves what HyperLogLog commands send to the AOF and replicas, as Redis 7.0.15 does: PFADD
// only when it changed something, PFCOUNT of one key when it refreshed the cached cardinality,
// PFMERGE always.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('hyperloglog propagation', () => {
  it('PFCOUNT propagates when it writes the cache; PFADD only when it changed; PFMERGE always', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('PFADD', 'p', 'a', 'b');
    c.call('PFADD', 'p', 'a');
    c.call('PFCOUNT', 'p');
    c.call('PFCOUNT', 'p');
    c.call('PFCOUNT', 'p', 'p2');
    c.call('PFMERGE', 'p3', 'p');
    c.call('PFMERGE', 'p3', 'p');
    c.call('PFADD', 'p4');
    c.call('PFADD', 'p4');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['PFADD', 'p', 'a', 'b'],
      ['PFCOUNT', 'p'],
      ['PFMERGE', 'p3', 'p'],
      ['PFMERGE', 'p3', 'p'],
      ['PFADD', 'p4'],
    ]);
  });
});
