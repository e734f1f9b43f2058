// PTTL answers the remaining time in milliseconds, -1 without a TTL, -2 for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PTTL', () => {
  it('answers the remaining milliseconds', () => {
    const h = new Harness();
    const c = h.client();
    expect(c.call('PTTL', 'x')).toBe(-2);
    c.call('SET', 'x', 'v');
    expect(c.call('PTTL', 'x')).toBe(-1);
    c.call('SET', 'x', 'v', 'EX', 1);
    h.advance(37);
    expect(c.call('PTTL', 'x')).toBe(963);
  });

  it('answers 0 at the expiry millisecond, when the key still exists, and -2 one after', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'v', 'PX', 250);
    h.advance(250);
    expect([c.call('PTTL', 'x'), c.call('EXISTS', 'x')]).toEqual([0, 1]);
    h.advance(1);
    expect([c.call('PTTL', 'x'), c.call('EXISTS', 'x')]).toEqual([-2, 0]);
  });
});
