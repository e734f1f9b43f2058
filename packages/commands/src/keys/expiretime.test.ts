// EXPIRETIME answers the absolute expiry in unix seconds, -1 without a TTL, -2 when missing.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('EXPIRETIME', () => {
  it('answers the unix second set by EXAT', () => {
    const h = new Harness();
    const c = h.client();
    const at = Math.floor(h.clock.nowMs() / 1000) + 100;
    expect(c.call('EXPIRETIME', 'x')).toBe(-2);
    c.call('SET', 'x', 'v');
    expect(c.call('EXPIRETIME', 'x')).toBe(-1);
    c.call('SET', 'x', 'v', 'EXAT', at);
    expect(c.call('EXPIRETIME', 'x')).toBe(at);
  });
});
