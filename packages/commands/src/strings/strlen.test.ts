// STRLEN answers the byte length of a string, 0 for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('STRLEN', () => {
  it('counts bytes of strings and integers', () => {
    const c = new Harness().client();
    c.call('SET', 'i', '-555');
    c.call('SET', 's', 'foozzz0123456789 baz');
    c.call('SET', 'b', '\x00\xff\xfe');
    expect([c.call('STRLEN', 'i'), c.call('STRLEN', 's'), c.call('STRLEN', 'b'), c.call('STRLEN', 'nokey')]).toEqual([4, 20, 3, 0]);
  });

  it('answers WRONGTYPE for another type', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    expect(h.client().call('STRLEN', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('takes exactly one key', () => {
    expect(new Harness().client().call('STRLEN')).toEqual({ error: "ERR wrong number of arguments for 'strlen' command" });
  });
});
