// EXISTS counts present keys (repeats counted each time), without touching their access time.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('EXISTS', () => {
  it('counts each present key, repeats included', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SET', 'empty', '');
    expect(c.call('EXISTS', 'a', 'a', 'nokey', 'empty')).toBe(3);
    expect(c.call('EXISTS', 'nokey')).toBe(0);
  });

  it('treats a key past its TTL as absent', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v', 'PX', 50);
    h.advance(50);
    expect(c.call('EXISTS', 'k')).toBe(1);
    h.advance(1);
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('does not reset the idle time', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v');
    h.advance(5000);
    c.call('EXISTS', 'k');
    expect(c.call('OBJECT', 'IDLETIME', 'k')).toBe(5);
  });

  it('needs at least one key', () => {
    const c = new Harness().client();
    expect(c.call('EXISTS')).toEqual({ error: "ERR wrong number of arguments for 'exists' command" });
  });
});
