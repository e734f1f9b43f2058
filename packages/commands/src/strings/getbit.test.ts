// GETBIT answers one bit (0 past the end or for a missing key), checking the offset first.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('GETBIT', () => {
  it('reads bits most significant first, 0 beyond the string', () => {
    const c = new Harness().client();
    c.call('SET', 'k', '`');
    expect([0, 1, 2, 3, 8, 100, 10000].map((i) => c.call('GETBIT', 'k', i))).toEqual([0, 1, 1, 0, 0, 0, 0]);
    c.call('SET', 'i', '1');
    expect([0, 1, 2, 3, 7].map((i) => c.call('GETBIT', 'i', i))).toEqual([0, 0, 1, 1, 1]);
    expect(c.call('GETBIT', 'nokey', 0)).toBe(0);
  });

  it('checks the offset before the key', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    expect(c.call('GETBIT', 'nokey', 'x')).toEqual({ error: 'ERR bit offset is not an integer or out of range' });
    expect(c.call('GETBIT', 'nokey', 4294967296)).toEqual({ error: 'ERR bit offset is not an integer or out of range' });
    expect(c.call('GETBIT', 'l', 0)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('takes a key and an offset', () => {
    expect(new Harness().client().call('GETBIT', 'k')).toEqual({ error: "ERR wrong number of arguments for 'getbit' command" });
  });
});
