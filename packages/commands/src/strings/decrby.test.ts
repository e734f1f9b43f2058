// DECRBY subtracts a 64-bit decrement; INT64_MIN itself cannot be negated.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('DECRBY', () => {
  it('subtracts, going negative', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '17179869184');
    expect(c.call('DECRBY', 'n', '17179869185')).toBe(-1);
    expect(c.call('DECRBY', 'n', '-11')).toBe(10);
  });

  it('refuses INT64_MIN as a decrement', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '0');
    expect(c.call('DECRBY', 'n', '-9223372036854775808')).toEqual({ error: 'ERR decrement would overflow' });
    expect(c.call('GET', 'n')).toBe('0');
  });

  it('refuses overflow and non-integers', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '-2');
    expect(c.call('DECRBY', 'n', '9223372036854775807')).toEqual({ error: 'ERR increment or decrement would overflow' });
    expect(c.call('DECRBY', 'n', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('takes a key and a decrement', () => {
    expect(new Harness().client().call('DECRBY', 'n')).toEqual({ error: "ERR wrong number of arguments for 'decrby' command" });
  });
});
