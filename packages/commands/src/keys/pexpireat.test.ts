// PEXPIREAT sets an absolute expiry in unix milliseconds, accepting the whole 64-bit range.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PEXPIREAT', () => {
  it('expires the key at the given unix millisecond', () => {
    const h = new Harness();
    const c = h.client();
    const at = h.clock.nowMs() + 200;
    c.call('SET', 'x', 'v');
    expect(c.call('PEXPIREAT', 'x', at)).toBe(1);
    expect(c.call('PEXPIRETIME', 'x')).toBe(at);
    h.advance(200);
    expect(c.call('GET', 'x')).toBe('v');
    h.advance(1);
    expect(c.call('GET', 'x')).toBeNull();
  });

  it('accepts a huge time and deletes the key for a huge negative one', () => {
    const c = new Harness().client();
    c.call('SET', 'foo', 'bar');
    expect(c.call('PEXPIREAT', 'foo', '9223372036854770000')).toBe(1);
    expect(c.raw('PEXPIRETIME', 'foo')).toBe(':9223372036854770000\r\n');
    expect(c.call('PEXPIREAT', 'foo', '-9223372036854770000')).toBe(1);
    expect(c.call('TTL', 'foo')).toBe(-2);
  });
});
