// LLEN answers a list's length, 0 for a missing key, WRONGTYPE for another type.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LLEN', () => {
  it('counts elements, 0 for a missing key', () => {
    const c = new Harness().client();
    expect(c.call('LLEN', 'l')).toBe(0);
    c.call('RPUSH', 'l', 'a', 'b', 'c');
    expect(c.call('LLEN', 'l')).toBe(3);
  });

  it('answers WRONGTYPE for another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LLEN', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('takes exactly one key', () => {
    expect(new Harness().client().call('LLEN', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'llen' command" });
  });
});
