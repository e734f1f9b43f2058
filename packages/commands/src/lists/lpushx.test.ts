// LPUSHX prepends only to an existing list: 0 and no key for a missing one.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LPUSHX', () => {
  it('does nothing and answers 0 when the key is missing', () => {
    const c = new Harness().client();
    expect(c.call('LPUSHX', 'l', 'a')).toBe(0);
    expect(c.call('EXISTS', 'l')).toBe(0);
  });

  it('prepends every element to an existing list', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LPUSHX', 'l', 'b', 'c')).toBe(3);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['c', 'b', 'a']);
  });

  it('refuses a key of another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LPUSHX', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('needs at least one element', () => {
    expect(new Harness().client().call('LPUSHX', 'l')).toEqual({ error: "ERR wrong number of arguments for 'lpushx' command" });
  });
});
