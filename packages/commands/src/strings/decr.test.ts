// DECR subtracts one from a 64-bit integer string (0 when missing), refusing underflow.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('DECR', () => {
  it('starts a missing key at 0 and counts down', () => {
    const c = new Harness().client();
    expect(c.call('DECR', 'n')).toBe(-1);
    expect(c.call('DECR', 'n')).toBe(-2);
    expect(c.call('GET', 'n')).toBe('-2');
  });

  it('refuses to go below INT64_MIN and non-integers', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '-9223372036854775808');
    expect(c.call('DECR', 'n')).toEqual({ error: 'ERR increment or decrement would overflow' });
    c.call('SET', 'n', '1.5');
    expect(c.call('DECR', 'n')).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('takes exactly one key', () => {
    expect(new Harness().client().call('DECR')).toEqual({ error: "ERR wrong number of arguments for 'decr' command" });
  });
});
