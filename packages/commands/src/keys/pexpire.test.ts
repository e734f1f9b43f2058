// PEXPIRE sets a TTL in milliseconds, with EXPIRE's options and overflow check.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PEXPIRE', () => {
  it('sets a sub-second TTL', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'v');
    expect(c.call('PEXPIRE', 'x', 100)).toBe(1);
    expect(c.call('PTTL', 'x')).toBe(100);
    h.advance(100);
    expect(c.call('GET', 'x')).toBe('v');
    h.advance(1);
    expect(c.call('GET', 'x')).toBeNull();
  });

  it('honours GT like EXPIRE', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'v', 'PX', 500);
    expect(c.call('PEXPIRE', 'x', 400, 'GT')).toBe(0);
    expect(c.call('PTTL', 'x')).toBe(500);
  });

  it('rejects a time that overflows when the current time is added', () => {
    const c = new Harness().client();
    c.call('SET', 'foo', 'bar');
    expect(c.call('PEXPIRE', 'foo', '9223372036854770000')).toEqual({ error: "ERR invalid expire time in 'pexpire' command" });
    expect(c.call('TTL', 'foo')).toBe(-1);
  });
});
