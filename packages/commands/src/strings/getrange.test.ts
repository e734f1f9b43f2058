// GETRANGE answers the inclusive byte range with Redis's negative-index and clamping rules,
// parsing both indexes before looking the key up.
import { Harness } from '@cinnabar/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('GETRANGE', () => {
  it('slices with negative indexes and clamps out-of-range ones', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'Hello World');
    expect(c.call('GETRANGE', 'k', 0, 3)).toBe('Hell');
    expect(c.call('GETRANGE', 'k', 0, -1)).toBe('Hello World');
    expect(c.call('GETRANGE', 'k', -4, -1)).toBe('orld');
    expect(c.call('GETRANGE', 'k', 5, 3)).toBe('');
    expect(c.call('GETRANGE', 'k', -1, -5)).toBe('');
    expect(c.call('GETRANGE', 'k', 5, 5000)).toBe(' World');
    expect(c.call('GETRANGE', 'k', -5000, 10000)).toBe('Hello World');
    expect(c.call('GETRANGE', 'k', 0, '4294967297')).toBe('Hello World');
    expect(c.call('GETRANGE', 'k', '-9223372036854775808', '9223372036854775807')).toBe('Hello World');
    expect(c.call('GETRANGE', 'k', '9223372036854775807', '9223372036854775807')).toBe('');
  });

  it('works on integer values and answers an empty string for a missing key', () => {
    const c = new Harness().client();
    c.call('SET', 'k', '1234');
    expect(c.call('GETRANGE', 'k', -3, -1)).toBe('234');
    expect(c.call('GETRANGE', 'k', 3, 5000)).toBe('4');
    expect(c.raw('GETRANGE', 'nokey', 0, -1)).toBe('$0\r\n\r\n');
  });

  it('matches a model of the index rules on random strings', () => {
    const c = new Harness().client();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 }), (s, start, end) => {
        c.call('SET', 'k', s);
        const len = s.length;
        let from = start < 0 ? Math.max(0, len + start) : start;
        let to = end < 0 ? Math.max(0, len + end) : Math.min(end, len - 1);
        if (start < 0 && end < 0 && start > end) to = from - 1;
        if (len === 0) to = from - 1;
        from = Math.max(0, from);
        expect(c.call('GETRANGE', 'k', start, end)).toBe(from > to ? '' : s.slice(from, to + 1));
      }),
    );
  });

  it('checks the indexes before the key', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    const c = h.client();
    expect(c.call('GETRANGE', 'nokey', 'a', 1)).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('GETRANGE', 'l', 0, 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('takes a key, start and end', () => {
    expect(new Harness().client().call('GETRANGE', 'k', 0)).toEqual({ error: "ERR wrong number of arguments for 'getrange' command" });
  });
});
