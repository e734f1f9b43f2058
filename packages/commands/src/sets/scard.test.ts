// SCARD answers the member count, 0 for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SCARD', () => {
  it('answers the number of members in both encodings', () => {
    const c = new Harness().client();
    c.call('SADD', 'i', 1, 2, 3, 2);
    c.call('SADD', 'h', 'a', 'b');
    expect(c.call('SCARD', 'i')).toBe(3);
    expect(c.call('SCARD', 'h')).toBe(2);
    expect(c.call('SCARD', 'nokey')).toBe(0);
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('SCARD', 'str')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('SCARD')).toEqual({ error: "ERR wrong number of arguments for 'scard' command" });
  });
});
