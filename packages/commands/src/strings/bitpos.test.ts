// BITPOS finds the first set or clear bit in the string or a byte/bit range; a clear bit past
// the string counts as found only when no end was given.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('BITPOS', () => {
  it('treats a missing key as endless zeros and an empty string as no bits', () => {
    const c = new Harness().client();
    expect(c.call('BITPOS', 'nokey', 0)).toBe(0);
    expect(c.call('BITPOS', 'nokey', 1)).toBe(-1);
    expect(c.call('BITPOS', 'nokey', 0, 0, -1, 'bit')).toBe(0);
    c.call('SET', 'e', '');
    expect(c.call('BITPOS', 'e', 0)).toBe(-1);
    expect(c.call('BITPOS', 'e', 1)).toBe(-1);
  });

  it('finds bits inside byte and bit intervals', () => {
    const c = new Harness().client();
    c.call('SET', 's', '\x00\xff\x00');
    expect([c.call('BITPOS', 's', 0, 0, -1), c.call('BITPOS', 's', 0, 1, -1), c.call('BITPOS', 's', 0, 2, 200), c.call('BITPOS', 's', 0, 1, 1)]).toEqual([0, 16, 16, -1]);
    expect([c.call('BITPOS', 's', 1, 0, -1), c.call('BITPOS', 's', 1, 2, -1), c.call('BITPOS', 's', 1, 1, 1)]).toEqual([8, -1, 8]);
    expect([c.call('BITPOS', 's', 0, 8, -1, 'bit'), c.call('BITPOS', 's', 0, 8, 8, 'bit'), c.call('BITPOS', 's', 1, 8, 8, 'bit')]).toEqual([16, -1, 8]);
    c.call('SET', 's', '\xff\xf0\x00');
    expect([c.call('BITPOS', 's', 0), c.call('BITPOS', 's', 0, 1), c.call('BITPOS', 's', 0, 1, -1, 'bit')]).toEqual([12, 12, 12]);
  });

  it('a clear bit past the string counts only without an explicit end', () => {
    const c = new Harness().client();
    c.call('SET', 's', '\xff\xff\xff');
    expect(c.call('BITPOS', 's', 0)).toBe(24);
    expect(c.call('BITPOS', 's', 0, 0)).toBe(24);
    expect(c.call('BITPOS', 's', 0, 0, -1)).toBe(-1);
    expect(c.call('BITPOS', 's', 0, 0, -1, 'bit')).toBe(-1);
  });

  it('scans long runs through the chunked path', () => {
    const c = new Harness().client();
    c.call('SET', 's', '\xff'.repeat(100_003) + '\x0f');
    expect(c.call('BITPOS', 's', 0)).toBe(800_024);
    expect(c.call('BITPOS', 's', 0, 5)).toBe(800_024);
    c.call('SET', 'z', '\x00'.repeat(100_003) + '\xf0');
    expect(c.call('BITPOS', 'z', 1, 9, -1, 'bit')).toBe(800_024);
  });

  it('checks the bit, then the key, then the range', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    c.call('SET', 's', 'foobar');
    expect(c.call('BITPOS', 's', 2)).toEqual({ error: 'ERR The bit argument must be 1 or 0.' });
    expect(c.call('BITPOS', 's', '9223372036854775807')).toEqual({ error: 'ERR The bit argument must be 1 or 0.' });
    expect(c.call('BITPOS', 's', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('BITPOS', 'nokey', 1, 'x', 'y')).toBe(-1);
    expect(c.call('BITPOS', 'l', 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('BITPOS', 's', 1, 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('BITPOS', 's', 1, 0, 'x', 'foo')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BITPOS', 's', 1, 0, 1, 'bit', 'x')).toEqual({ error: 'ERR syntax error' });
  });

  it('needs a key and a bit', () => {
    expect(new Harness().client().call('BITPOS', 'k')).toEqual({ error: "ERR wrong number of arguments for 'bitpos' command" });
  });
});
