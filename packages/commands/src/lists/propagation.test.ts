// Proves what list commands send to the AOF and replicas, as Redis 7.0.15 does: LMPOP and
// BLMPOP as LPOP/RPOP with the number popped, BLPOP/BRPOP as LPOP/RPOP, BLMOVE as LMOVE and
// BRPOPLPUSH as RPOPLPUSH — at once and when a blocked client is served later.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function setup() {
  const h = new Harness();
  return { h, c: h.client(), fx: h.recordEffects() };
}

describe('list propagation', () => {
  it('LMPOP propagates as pop with the count actually popped, nothing when every list is empty', () => {
    const { c, fx } = setup();
    c.call('LPUSH', 'l', 'a', 'b', 'c');
    c.call('LMPOP', '1', 'l', 'LEFT');
    c.call('LMPOP', '1', 'l', 'RIGHT', 'COUNT', '1');
    c.call('LMPOP', '2', 'l', 'l2', 'LEFT', 'COUNT', '10');
    c.call('LMPOP', '2', 'l', 'l2', 'LEFT', 'COUNT', '10');
    c.call('RPUSH', 'l2', '1', '2', '3');
    c.call('LMPOP', '2', 'l', 'l2', 'right', 'COUNT', '2');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['LPUSH', 'l', 'a', 'b', 'c'],
      ['LPOP', 'l', '1'],
      ['RPOP', 'l', '1'],
      ['LPOP', 'l', '1'],
      ['RPUSH', 'l2', '1', '2', '3'],
      ['RPOP', 'l2', '2'],
    ]);
  });

  it('BLPOP, BRPOP and BLMPOP that need not wait propagate as their non-blocking forms', () => {
    const { c, fx } = setup();
    c.call('RPUSH', 'l', 'a', 'b', 'c', 'd');
    c.call('BLPOP', 'none', 'l', '0');
    c.call('BRPOP', 'l', '0');
    c.call('BLMPOP', '0', '2', 'none', 'l', 'LEFT', 'COUNT', '10');
    c.send('BLMPOP', '0.01', '1', 'l', 'LEFT');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['RPUSH', 'l', 'a', 'b', 'c', 'd'],
      ['LPOP', 'l'],
      ['RPOP', 'l'],
      ['LPOP', 'l', '2'],
    ]);
  });

  it('BLMOVE and BRPOPLPUSH that need not wait propagate as LMOVE (words as sent) and RPOPLPUSH', () => {
    const { c, fx } = setup();
    c.call('RPUSH', 'l', 'a', 'b');
    c.call('BLMOVE', 'l', 'd', 'left', 'RIGHT', '0');
    c.call('BRPOPLPUSH', 'l', 'd', '0');
    c.call('LMOVE', 'd', 'd', 'LEFT', 'LEFT');
    c.call('RPOPLPUSH', 'none', 'd');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['RPUSH', 'l', 'a', 'b'],
      ['LMOVE', 'l', 'd', 'left', 'RIGHT'],
      ['RPOPLPUSH', 'l', 'd'],
      ['LMOVE', 'd', 'd', 'LEFT', 'LEFT'],
    ]);
  });

  it('blocked clients served later propagate their non-blocking forms after the push', () => {
    const { h, c, fx } = setup();
    const w = [h.client(), h.client(), h.client(), h.client()];
    w[0]?.send('BLPOP', 'l1', '0');
    w[1]?.send('BLMPOP', '0', '2', 'l2', 'l3', 'RIGHT', 'COUNT', '5');
    w[2]?.send('BLMOVE', 'l4', 'd', 'LEFT', 'RIGHT', '0');
    w[3]?.send('BRPOPLPUSH', 'l5', 'd', '0');
    c.call('RPUSH', 'l1', 'a', 'b');
    c.call('RPUSH', 'l3', 'a', 'b', 'c');
    c.call('RPUSH', 'l4', 'a');
    c.call('RPUSH', 'l5', 'a');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['RPUSH', 'l1', 'a', 'b'],
      ['LPOP', 'l1'],
      ['RPUSH', 'l3', 'a', 'b', 'c'],
      ['RPOP', 'l3', '3'],
      ['RPUSH', 'l4', 'a'],
      ['LMOVE', 'l4', 'd', 'left', 'right'],
      ['RPUSH', 'l5', 'a'],
      ['RPOPLPUSH', 'l5', 'd'],
    ]);
  });

  it('a blocking pop that times out, or runs inside MULTI on an empty list, propagates nothing', () => {
    const { h, c, fx } = setup();
    const w = h.client();
    w.send('BLPOP', 'l', '1');
    h.advance(1500);
    c.call('MULTI');
    c.call('BRPOP', 'l', '0');
    c.call('EXEC');
    c.call('SET', 'k', 'v');
    expect(fx).toEqual([['SELECT', '0'], ['SET', 'k', 'v']]);
  });
});
