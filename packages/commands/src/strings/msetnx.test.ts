// MSETNX writes all pairs only when none of the keys exists, answering 1 or 0.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('MSETNX', () => {
  it('writes nothing when one key exists', () => {
    const c = new Harness().client();
    c.call('SET', 'x', '10');
    expect(c.call('MSETNX', 'x1', 'xxx', 'y2', 'yyy', 'x', '20')).toBe(0);
    expect(c.call('EXISTS', 'x1', 'y2')).toBe(0);
    expect(c.call('GET', 'x')).toBe('10');
  });

  it('writes every pair when no key exists, a repeated key taking its last value', () => {
    const c = new Harness().client();
    expect(c.call('MSETNX', 'x1', 'xxx', 'y2', 'yyy')).toBe(1);
    expect(c.call('MGET', 'x1', 'y2')).toEqual(['xxx', 'yyy']);
    expect(c.call('MSETNX', 'z', 'a', 'z', 'b')).toBe(1);
    expect(c.call('GET', 'z')).toBe('b');
    expect(c.call('MSETNX', 'z', 'c', 'z', 'd')).toBe(0);
    expect(c.call('GET', 'z')).toBe('b');
  });

  it('refuses a missing value with the arity error', () => {
    expect(new Harness().client().call('MSETNX', 'x', '20', 'y')).toEqual({ error: "ERR wrong number of arguments for 'msetnx' command" });
  });
});
