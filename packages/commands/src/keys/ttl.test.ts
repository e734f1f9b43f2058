// TTL answers the remaining time in seconds (rounded), -1 without a TTL, -2 for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('TTL', () => {
  it('answers -2 for a missing key and -1 for a key without a TTL', () => {
    const c = new Harness().client();
    expect(c.call('TTL', 'x')).toBe(-2);
    c.call('SET', 'x', 'v');
    expect(c.call('TTL', 'x')).toBe(-1);
  });

  it('rounds the remaining milliseconds to the nearest second', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'v', 'EX', 10);
    h.advance(500);
    expect(c.call('TTL', 'x')).toBe(10);
    h.advance(1);
    expect(c.call('TTL', 'x')).toBe(9);
    h.advance(9000);
    expect(c.call('TTL', 'x')).toBe(0);
  });

  it('does not reset the idle time', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'v', 'EX', 100);
    h.advance(4000);
    c.call('TTL', 'x');
    expect(c.call('OBJECT', 'IDLETIME', 'x')).toBe(4);
  });
});
