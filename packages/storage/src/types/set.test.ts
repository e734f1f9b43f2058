// SetValue behaves as a JS Set under any interleaving of adds and removes, is an intset
// exactly while every member is a canonical int64 and the count is within the limit, converts
// once and never back, and answers positional, random and scan access over every member.
import { SeededRandom } from '@cinnabar/common';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SetValue } from './set.js';

const bytes = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 6 });
const intText = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  fc.constantFrom('9223372036854775807', '-9223372036854775808', '9223372036854775808', '007', '-0', '+1', ' 1', '1.0'),
);
const member = fc.oneof(intText, intText, bytes);
const op = fc.record({ add: fc.boolean(), member });

const isInt64 = (s: string): boolean => /^(0|-?[1-9][0-9]*)$/.test(s) && s.length <= 20 && BigInt(s) >= -(2n ** 63n) && BigInt(s) < 2n ** 63n;

describe('SetValue', () => {
  it('matches a Set model under random writes, converting intset → hashtable once and never back', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 12 }), (ops, maxEntries) => {
        const limits = { setMaxIntsetEntries: maxEntries };
        const s = SetValue.forMember(ops[0]?.member as string);
        const model = new Set<string>();
        let table = !isInt64(ops[0]?.member as string);
        for (const o of ops) {
          if (o.add) {
            expect(s.add(o.member, limits)).toBe(!model.has(o.member));
            model.add(o.member);
            if (!isInt64(o.member) || model.size > maxEntries) table = true;
          } else {
            expect(s.delete(o.member)).toBe(model.delete(o.member));
          }
          expect(s.encoding()).toBe(table ? 'hashtable' : 'intset');
          expect(s.size).toBe(model.size);
        }
        expect([...s.members()].sort()).toEqual([...model].sort());
        for (const m of model) expect(s.has(m)).toBe(true);
        for (const o of ops) expect(s.has(o.member)).toBe(model.has(o.member));
        const positional = Array.from({ length: s.size }, (_, i) => s.at(i));
        expect(positional.sort()).toEqual([...model].sort());
      }),
    );
  });

  it('keeps an intset in ascending numeric order', () => {
    const s = SetValue.of(['5', '-9223372036854775808', '3', '9223372036854775807', '-2'], { setMaxIntsetEntries: 512 });
    expect(s.encoding()).toBe('intset');
    expect(s.members()).toEqual(['-9223372036854775808', '-2', '3', '5', '9223372036854775807']);
  });

  it('clone is independent of the original', () => {
    for (const first of ['1', 'a']) {
      const s = SetValue.of([first, '2'], { setMaxIntsetEntries: 512 });
      const c = s.clone();
      c.add('3', { setMaxIntsetEntries: 512 });
      s.delete('2');
      expect(c.members().sort()).toEqual([first, '2', '3'].sort());
      expect(s.members()).toEqual([first]);
      expect(c.encoding()).toBe(s.encoding());
    }
  });

  it('random picks reach every member', () => {
    const rnd = new SeededRandom(7);
    for (const first of ['1', 'x']) {
      const s = SetValue.of([first, '2', '3', '4'], { setMaxIntsetEntries: 512 });
      const seen = new Set<string>();
      for (let i = 0; i < 200; i++) seen.add(s.random(rnd));
      expect([...seen].sort()).toEqual([first, '2', '3', '4'].sort());
    }
  });

  it('scan of an intset answers everything with cursor 0; a table scan returns each member present throughout exactly once', () => {
    const lim = { setMaxIntsetEntries: 512 };
    const ints = SetValue.of(['3', '1', '2'], lim);
    const got: string[] = [];
    expect(ints.scan(12345, 1, (m) => got.push(m))).toBe(0);
    expect(got).toEqual(['1', '2', '3']);

    const t = SetValue.of(Array.from({ length: 100 }, (_, i) => `m${i}`), lim);
    const seen: string[] = [];
    let cursor = 0;
    let round = 0;
    do {
      cursor = t.scan(cursor, 7, (m) => seen.push(m));
      t.delete(`m${90 + round}`); // removed during the scan: may or may not be returned
      t.add(`new${round}`, lim);
      round++;
    } while (cursor !== 0);
    const stable = Array.from({ length: 90 }, (_, i) => `m${i}`);
    for (const m of stable) expect(seen.filter((x) => x === m)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('digest xors each member, so equal sets digest equally in any encoding order', () => {
    const a: string[] = [];
    const b: string[] = [];
    SetValue.of(['b', 'a', '1'], { setMaxIntsetEntries: 512 }).digest({ xor: (m) => a.push(m) });
    SetValue.of(['1', 'a', 'b'], { setMaxIntsetEntries: 512 }).digest({ xor: (m) => b.push(m) });
    expect(a.sort()).toEqual(['1', 'a', 'b']);
    expect(b.sort()).toEqual(['1', 'a', 'b']);
  });
});
