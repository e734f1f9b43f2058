// BITCOUNT counts set bits over the whole string or a byte/bit range, with Redis's order of
// checks: the key first (missing → 0), then the indexes, then the unit.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('BITCOUNT', () => {
  it('counts known vectors', () => {
    const c = new Harness().client();
    for (const [v, n] of [['', 0], ['\xaa', 4], ['\x00\x00\xff', 8], ['foobar', 26], ['123', 10]] as const) {
      c.call('SET', 's', v);
      expect(c.call('BITCOUNT', 's')).toBe(n);
      expect(c.call('BITCOUNT', 's', 0, -1, 'BIT')).toBe(n);
    }
  });

  it('counts byte and bit ranges', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'foobar');
    expect(c.call('BITCOUNT', 's', 1, -2)).toBe(18);
    expect(c.call('BITCOUNT', 's', -2, 1)).toBe(0);
    expect(c.call('BITCOUNT', 's', 0, 1000)).toBe(26);
    expect(c.call('BITCOUNT', 's', 10, 14, 'bit')).toBe(4);
    expect(c.call('BITCOUNT', 's', 3, -34, 'bit')).toBe(7);
    expect(c.call('BITCOUNT', 's', -6, -7)).toBe(0);
    expect(c.call('BITCOUNT', 's', 0, 4294967296)).toBe(26);
    c.call('SET', 's', '__PPxxxxxxxxxxxxxxxxRR__');
    expect(c.call('BITCOUNT', 's', 2, -3)).toBe(74);
  });

  it('counts across the chunked path of long strings', () => {
    const c = new Harness().client();
    c.call('SET', 's', '\xff'.repeat(200_000) + '\x01');
    expect(c.call('BITCOUNT', 's')).toBe(1_600_001);
    expect(c.call('BITCOUNT', 's', 3, -1, 'BIT')).toBe(1_599_998);
  });

  it('answers 0 for a missing key whatever the arguments', () => {
    const c = new Harness().client();
    expect(c.call('BITCOUNT', 'nokey')).toBe(0);
    expect(c.call('BITCOUNT', 'nokey', 0, 1000, 'bit')).toBe(0);
    expect(c.call('BITCOUNT', 'nokey', 'a')).toBe(0);
  });

  it('refuses bad argument counts, indexes and units', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    c.call('SET', 's', 'foobar');
    expect(c.call('BITCOUNT', 's', 0)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITCOUNT', 's', 0, 1, 'hello')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITCOUNT', 's', 0, 1, 'bit', 'x')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITCOUNT', 's', -1, -2, 'hello')).toBe(0);
    expect(c.call('BITCOUNT', 's', 'a', 'b')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('BITCOUNT', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('needs a key', () => {
    expect(new Harness().client().call('BITCOUNT')).toEqual({ error: "ERR wrong number of arguments for 'bitcount' command" });
  });
});
