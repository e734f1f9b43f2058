// OBJECT IDLETIME answers seconds since the last access, refused under an LFU policy.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('OBJECT IDLETIME', () => {
  it('counts seconds since the last access and is reset by a read', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v');
    h.advance(2500);
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(2);
    c.call('GET', 'k');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(0);
  });

  it('answers nil for a missing key', () => {
    const c = new Harness().client();
    expect(c.call('OBJECT', 'IDLETIME', 'nokey')).toBeNull();
  });

  it('is refused under an LFU policy', () => {
    const c = new Harness({ config: { 'maxmemory-policy': 'allkeys-lfu' } }).client();
    c.call('SET', 'k', 'v');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toEqual({
      error: 'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
    });
  });
});
