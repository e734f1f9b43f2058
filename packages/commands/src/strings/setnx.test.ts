// SETNX writes only a missing key (an expired one counts as missing) and answers 1 or 0.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SETNX', () => {
  it('writes a missing key and leaves an existing one', () => {
    const c = new Harness().client();
    expect(c.call('SETNX', 'k', 'foobared')).toBe(1);
    expect(c.call('SETNX', 'k', 'blabla')).toBe(0);
    expect(c.call('GET', 'k')).toBe('foobared');
  });

  it('treats an expired key as missing and a live volatile key as present', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', '10', 'EX', 1);
    expect(c.call('SETNX', 'x', '20')).toBe(0);
    h.advance(2000);
    expect(c.call('SETNX', 'x', '20')).toBe(1);
    expect(c.call('GET', 'x')).toBe('20');
    expect(c.call('TTL', 'x')).toBe(-1);
  });

  it('takes a key and a value', () => {
    expect(new Harness().client().call('SETNX', 'k')).toEqual({ error: "ERR wrong number of arguments for 'setnx' command" });
  });
});
