// MGET answers one value per key: null for missing keys and for keys of other types.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('MGET', () => {
  it('answers values in key order with nulls for missing and non-string keys', () => {
    const h = new Harness();
    const c = h.client();
    h.keyspace.db(0).add('myset', { ...list, typeName: 'set' });
    c.call('SET', 'foo', 'BAR');
    c.call('SET', 'bar', 'FOO');
    expect(c.call('MGET', 'foo', 'baazz', 'bar', 'myset')).toEqual(['BAR', null, 'FOO', null]);
  });

  it('needs at least one key', () => {
    expect(new Harness().client().call('MGET')).toEqual({ error: "ERR wrong number of arguments for 'mget' command" });
  });
});
