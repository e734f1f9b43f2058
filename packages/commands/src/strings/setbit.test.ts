// SETBIT sets or clears one bit (MSB first), growing the string with zeros, answering the old
// bit; a random SETBIT sequence keeps GETBIT/BITCOUNT/BITPOS equal to a naive bit array.
import { Harness } from '@cinnabar/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('SETBIT', () => {
  it('creates a key and sets bits most significant first', () => {
    const c = new Harness().client();
    expect(c.call('SETBIT', 'k', 1, 1)).toBe(0);
    expect(c.call('GET', 'k')).toBe('\x40');
    c.call('SET', 'k', '@');
    expect(c.call('SETBIT', 'k', 2, 1)).toBe(0);
    expect(c.call('GET', 'k')).toBe('\x60');
    expect(c.call('SETBIT', 'k', 1, 0)).toBe(1);
    expect(c.call('GET', 'k')).toBe('\x20');
    expect(c.call('SETBIT', 'k', 23, 1)).toBe(0);
    expect(c.call('GET', 'k')).toBe('\x20\x00\x01');
  });

  it('works on integer-encoded values and leaves them raw', () => {
    const c = new Harness().client();
    c.call('SET', 'k', '1');
    expect(c.call('SETBIT', 'k', 6, 1)).toBe(0);
    expect(c.call('GET', 'k')).toBe('3');
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('raw');
  });

  it('refuses bad offsets and bit values', () => {
    const c = new Harness().client();
    const offset = { error: 'ERR bit offset is not an integer or out of range' };
    const bit = { error: 'ERR bit is not an integer or out of range' };
    expect(c.call('SETBIT', 'k', 4 * 1024 * 1024 * 1024, 1)).toEqual(offset);
    expect(c.call('SETBIT', 'k', -1, 1)).toEqual(offset);
    expect(c.call('SETBIT', 'k', 'x', 1)).toEqual(offset);
    for (const v of [-1, 2, 10, 'x', '9223372036854775808']) expect(c.call('SETBIT', 'k', 0, v)).toEqual(bit);
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('bounds offsets by proto-max-bulk-len', () => {
    const c = new Harness({ config: { 'proto-max-bulk-len': '1048576' } }).client();
    expect(c.call('SETBIT', 'k', 8 * 1048576, 1)).toEqual({ error: 'ERR bit offset is not an integer or out of range' });
    expect(c.call('SETBIT', 'k', 8 * 1048576 - 1, 1)).toBe(0);
    expect(c.call('STRLEN', 'k')).toBe(1048576);
  });

  it('answers WRONGTYPE for another type', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    expect(h.client().call('SETBIT', 'l', 0, 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits setbit and counts a change only when a bit changes or the string grows', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = () => Number(/rdb_changes_since_last_save:(\d+)/.exec(c.call('INFO', 'persistence') as string)?.[1]);
    const before = dirty();
    c.call('SETBIT', 'k', 0, 0); // new key
    c.call('SETBIT', 'k', 0, 0); // no change
    c.call('SETBIT', 'k', 0, 1); // change
    c.call('SETBIT', 'k', 90, 0); // growth only
    expect(dirty() - before).toBe(3);
    expect(s.drain().length).toBe(3);
  });

  it('keeps GETBIT, BITCOUNT and BITPOS equal to a bit-array model', () => {
    const write = fc.tuple(fc.nat(300), fc.constantFrom(0, 1));
    const query = fc.tuple(fc.integer({ min: -45, max: 45 }), fc.integer({ min: -45, max: 45 }), fc.boolean(), fc.constantFrom(0, 1));
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), fc.array(query, { maxLength: 10 }), (writes, queries) => {
        const c = new Harness().client();
        const bits: number[] = [];
        for (const [pos, v] of writes) {
          const old = bits[pos] ?? 0;
          expect(c.call('SETBIT', 'k', pos, v)).toBe(old);
          const bytes = Math.max(Math.ceil(bits.length / 8), Math.floor(pos / 8) + 1);
          for (let i = bits.length; i < bytes * 8; i++) bits[i] = 0;
          bits[pos] = v;
        }
        if (writes.length === 0) return;
        const len = bits.length / 8;
        for (let i = 0; i < bits.length + 10; i++) if (i % 7 === 0) expect(c.call('GETBIT', 'k', i)).toBe(bits[i] ?? 0);
        expect(c.call('BITCOUNT', 'k')).toBe(bits.filter((b) => b === 1).length);
        for (const [start, end, inBits, bit] of queries) {
          const total = inBits ? len * 8 : len;
          let s = start < 0 ? total + start : start;
          let e = end < 0 ? total + end : end;
          s = Math.max(0, s);
          e = Math.min(Math.max(0, e), total - 1);
          const [lo, hi] = inBits ? [s, e] : [s * 8, e * 8 + 7];
          const slice = s > e ? [] : bits.slice(lo, hi + 1);
          const unit = inBits ? 'BIT' : 'BYTE';
          const count = start < 0 && end < 0 && start > end ? 0 : slice.filter((b) => b === 1).length;
          expect(c.call('BITCOUNT', 'k', start, end, unit)).toBe(count);
          const idx = slice.indexOf(bit);
          expect(c.call('BITPOS', 'k', bit, start, end, unit)).toBe(idx < 0 ? -1 : lo + idx);
        }
        const firstZero = bits.indexOf(0);
        expect(c.call('BITPOS', 'k', 0)).toBe(firstZero < 0 ? bits.length : firstZero);
        expect(c.call('BITPOS', 'k', 1)).toBe(bits.indexOf(1));
      }),
      { numRuns: 200 },
    );
  });

  it('takes a key, an offset and a value', () => {
    expect(new Harness().client().call('SETBIT', 'k', 0)).toEqual({ error: "ERR wrong number of arguments for 'setbit' command" });
  });
});
