// TYPE answers the value's type as a status reply, "none" for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('TYPE', () => {
  it('answers string for a string and none for a missing key', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    expect(c.raw('TYPE', 'k')).toBe('+string\r\n');
    expect(c.raw('TYPE', 'nokey')).toBe('+none\r\n');
  });

  it('answers none once the TTL has passed', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v', 'EX', 1);
    h.advance(1000);
    expect(c.call('TYPE', 'k')).toEqual({ simple: 'string' });
    h.advance(1);
    expect(c.call('TYPE', 'k')).toEqual({ simple: 'none' });
  });

  it('takes exactly one key', () => {
    const c = new Harness().client();
    expect(c.call('TYPE', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'type' command" });
  });
});
