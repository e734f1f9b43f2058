// CLIENT NO-EVICT (7.0) and NO-TOUCH (7.2) toggle per-client flags; NO-TOUCH keeps key LRU.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('CLIENT NO-EVICT', () => {
  it('turns the flag on and off', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'NO-EVICT', 'on')).toEqual({ simple: 'OK' });
    expect(c.session.noEvict).toBe(true);
    expect(c.call('CLIENT', 'NO-EVICT', 'OFF')).toEqual({ simple: 'OK' });
    expect(c.session.noEvict).toBe(false);
    expect(c.call('CLIENT', 'NO-EVICT', 'maybe')).toEqual({ error: 'ERR syntax error' });
  });
});

describe('CLIENT NO-TOUCH', () => {
  it('while on, reads leave the idle time of keys alone', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v');
    h.advance(10_000);
    expect(c.call('CLIENT', 'NO-TOUCH', 'on')).toEqual({ simple: 'OK' });
    c.call('GET', 'k');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(10);
    expect(c.call('CLIENT', 'NO-TOUCH', 'off')).toEqual({ simple: 'OK' });
    c.call('GET', 'k');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(0);
    expect(c.call('CLIENT', 'NO-TOUCH', 'x')).toEqual({ error: 'ERR syntax error' });
  });
});
