// Proves what hash commands send to the AOF and replicas, as Redis 7.0.15 does: HINCRBYFLOAT
// as HSET with the resulting value; other writes as sent, and nothing when nothing changed.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('hash propagation', () => {
  it('HINCRBYFLOAT propagates as HSET key field result', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('HSET', 'h', 'f', '1.5');
    c.call('HINCRBYFLOAT', 'h', 'f', '0.1');
    c.call('hincrbyfloat', 'h', 'g', '3.0e3');
    c.call('HINCRBYFLOAT', 'h', 'g', 'x');
    c.call('HDEL', 'h', 'nothing');
    c.call('HSETNX', 'h', 'f', 'x');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['HSET', 'h', 'f', '1.5'],
      ['HSET', 'h', 'f', '1.6'],
      ['HSET', 'h', 'g', '3000'],
    ]);
  });
});
