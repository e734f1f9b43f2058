// Proves what set commands send to the AOF and replicas, as Redis 7.0.15 does: SPOP as SREM of
// the member, SPOP with a count as one SREM per member (wrapped when more than one) or DEL when
// it takes the whole set, and writes that change nothing not at all.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  return { h, c: h.client(), fx: h.recordEffects() };
}

describe('set propagation', () => {
  it('SPOP propagates as SREM of the member popped', () => {
    const { c, fx } = setup();
    c.call('SADD', 's', 'a', 'b');
    const m = c.call('SPOP', 's') as string;
    c.call('SPOP', 'missing');
    expect(fx).toEqual([['SELECT', '0'], ['SADD', 's', 'a', 'b'], ['SREM', 's', m]]);
  });

  it('SPOP with a count propagates one SREM per member popped, DEL for the whole set', () => {
    const { c, fx } = setup();
    c.call('SADD', 's', 'a', 'b', 'c', 'd', 'e', 'f');
    const one = c.call('SPOP', 's', '1') as string[];
    const two = c.call('SPOP', 's', '2') as string[];
    c.call('SPOP', 's', '0');
    c.call('SPOP', 's', '10');
    c.call('SPOP', 's', '10');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['SADD', 's', 'a', 'b', 'c', 'd', 'e', 'f'],
      ['SREM', 's', one[0]],
      ['MULTI'],
      ['SREM', 's', two[0]],
      ['SREM', 's', two[1]],
      ['EXEC'],
      ['DEL', 's'],
    ]);
  });

  it('SPOP taking nearly all of a large set propagates an SREM for each member returned', () => {
    const { c, fx } = setup();
    c.call('SADD', 's', ...Array.from({ length: 20 }, (_, i) => `m${i}`));
    const popped = c.call('SPOP', 's', '19') as string[];
    expect(fx.slice(2)).toEqual([['MULTI'], ...popped.map((m) => ['SREM', 's', m]), ['EXEC']]);
    expect(popped.length).toBe(19);
  });

  it('SADD of existing members, SREM of absent ones and SRANDMEMBER propagate nothing; SMOVE as sent', () => {
    const { c, fx } = setup();
    c.call('SADD', 's', 'a');
    c.call('SADD', 's', 'a');
    c.call('SREM', 's', 'zz');
    c.call('SRANDMEMBER', 's', '2');
    c.call('SMOVE', 's', 'd', 'zz');
    c.call('SMOVE', 's', 'd', 'a');
    expect(fx).toEqual([['SELECT', '0'], ['SADD', 's', 'a'], ['SMOVE', 's', 'd', 'a']]);
  });
});
