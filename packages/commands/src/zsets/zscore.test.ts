// ZSCORE answers the score (%.17g bulk in RESP2, a double in RESP3) or null.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZSCORE', () => {
  it('answers scores exactly, infinities and null included', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '0.1', 'a', '-inf', 'b', '1e300', 'c');
    expect(c.call('ZSCORE', 'z', 'a')).toBe('0.10000000000000001');
    expect(c.call('ZSCORE', 'z', 'b')).toBe('-inf');
    expect(c.call('ZSCORE', 'z', 'c')).toBe('1.0000000000000001e+300');
    expect(c.call('ZSCORE', 'z', 'x')).toBeNull();
    expect(c.call('ZSCORE', 'nokey', 'x')).toBeNull();
    c.call('HELLO', '3');
    expect(c.call('ZSCORE', 'z', 'a')).toEqual({ double: 0.1 });
  });

  it('answers WRONGTYPE against another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('ZSCORE', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
