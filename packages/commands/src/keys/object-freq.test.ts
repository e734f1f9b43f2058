// OBJECT FREQ answers the LFU counter under an LFU policy and is refused otherwise.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('OBJECT FREQ', () => {
  it('is refused without an LFU policy', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    expect(c.call('OBJECT', 'FREQ', 'k')).toEqual({
      error: 'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
    });
  });

  it('starts at 5, grows with accesses and decays with idle minutes', () => {
    const h = new Harness({ config: { 'maxmemory-policy': 'allkeys-lfu' } });
    h.keyspace.setLfu({ logFactor: 10, decayTime: 1 });
    const c = h.client();
    c.call('SET', 'k', 'v');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(5);
    c.call('GET', 'k');
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(6);
    h.advance(3 * 60_000);
    expect(c.call('OBJECT', 'FREQ', 'k')).toBe(3);
  });

  it('answers nil for a missing key', () => {
    const c = new Harness({ config: { 'maxmemory-policy': 'allkeys-lfu' } }).client();
    expect(c.call('OBJECT', 'FREQ', 'nokey')).toBeNull();
  });
});
