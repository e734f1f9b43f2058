// KEYS answers every live key matching a glob pattern; pathological patterns stay fast.
import { performance } from 'node:perf_hooks';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('KEYS', () => {
  it('answers the keys matching the pattern', () => {
    const c = new Harness().client();
    for (const k of ['key_x', 'key_y', 'key_z', 'foo_a', 'foo_b', 'foo_c']) c.call('SET', k, 'hello');
    expect((c.call('KEYS', 'foo*') as string[]).sort()).toEqual(['foo_a', 'foo_b', 'foo_c']);
    expect((c.call('KEYS', '*') as string[]).sort()).toEqual(['foo_a', 'foo_b', 'foo_c', 'key_x', 'key_y', 'key_z']);
    expect(c.call('KEYS', 'key_[xy]')).toEqual(['key_x', 'key_y']);
  });

  it('answers a literal pattern by direct lookup', () => {
    const c = new Harness().client();
    c.call('SET', 'exact', '1');
    expect(c.call('KEYS', 'exact')).toEqual(['exact']);
    expect(c.call('KEYS', 'other')).toEqual([]);
  });

  it('skips keys whose TTL has passed', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'a', 'c', 'PX', 10);
    c.call('SET', 'b', 'c');
    c.call('SET', 'd', 'c', 'PX', 10);
    h.advance(10);
    expect(c.call('KEYS', '*')).toEqual(['a', 'b', 'd']);
    h.advance(1);
    expect(c.call('KEYS', '*')).toEqual(['b']);
    expect(c.call('KEYS', 'a')).toEqual([]);
  });

  it('gives up quickly on a pattern with many stars', () => {
    const c = new Harness().client();
    c.call('SET', 'a'.repeat(40), '1');
    const start = performance.now();
    expect(c.call('KEYS', `${'a*'.repeat(20)}b`)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
