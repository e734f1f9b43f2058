// PEXPIRETIME answers the absolute expiry in unix milliseconds, -1 without a TTL, -2 when missing.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PEXPIRETIME', () => {
  it('answers the unix millisecond set by PXAT', () => {
    const h = new Harness();
    const c = h.client();
    const at = h.clock.nowMs() + 100000;
    expect(c.call('PEXPIRETIME', 'x')).toBe(-2);
    c.call('SET', 'x', 'v');
    expect(c.call('PEXPIRETIME', 'x')).toBe(-1);
    c.call('SET', 'x', 'v', 'PXAT', at);
    expect(c.call('PEXPIRETIME', 'x')).toBe(at);
  });
});
