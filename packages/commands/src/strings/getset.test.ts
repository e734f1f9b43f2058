// GETSET stores the new value (clearing any TTL) and answers the old one.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('GETSET', () => {
  it('answers null for a new key and the old value otherwise', () => {
    const c = new Harness().client();
    expect(c.call('GETSET', 'foo', 'xyz')).toBeNull();
    expect(c.call('GETSET', 'foo', 'bar')).toBe('xyz');
    expect(c.call('GET', 'foo')).toBe('bar');
  });

  it('clears the TTL', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 10);
    c.call('GETSET', 'k', 'w');
    expect(c.call('TTL', 'k')).toBe(-1);
  });

  it('refuses another type without writing', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    expect(c.call('GETSET', 'l', 'v')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('TYPE', 'l')).toEqual({ simple: 'list' });
  });

  it('takes a key and a value', () => {
    expect(new Harness().client().call('GETSET', 'k')).toEqual({ error: "ERR wrong number of arguments for 'getset' command" });
  });
});
