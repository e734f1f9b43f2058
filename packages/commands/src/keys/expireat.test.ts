// EXPIREAT sets an absolute expiry in unix seconds; a past time deletes the key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('EXPIREAT', () => {
  it('expires the key at the given unix second', () => {
    const h = new Harness();
    const c = h.client();
    const nowS = Math.floor(h.clock.nowMs() / 1000);
    c.call('SET', 'x', 'foo');
    expect(c.call('EXPIREAT', 'x', nowS + 15)).toBe(1);
    expect(c.call('EXPIRETIME', 'x')).toBe(nowS + 15);
    expect(c.call('PEXPIRETIME', 'x')).toBe((nowS + 15) * 1000);
  });

  it('deletes the key for a time in the past', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo');
    expect(c.call('EXPIREAT', 'x', Math.floor(h.clock.nowMs() / 1000) - 100)).toBe(1);
    expect(c.call('EXISTS', 'x')).toBe(0);
  });

  it('rejects times that overflow in milliseconds', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'foo');
    expect(c.call('EXPIREAT', 'x', '9223372036854776')).toEqual({ error: "ERR invalid expire time in 'expireat' command" });
  });
});
