// Intersection, union and difference agree with plain JS Set operations for any sets in any
// encodings, and their results are intsets exactly when every member is an integer that fits.
import { SetValue } from '@cinnabar/storage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { difference, intersect, intersection, union } from './set-algebra.js';

const member = fc.oneof(fc.integer({ min: -5, max: 30 }).map(String), fc.constantFrom('a', 'b', 'c', '007', 'x y'));
const maybeSet = fc.option(fc.uniqueArray(member, { minLength: 1, maxLength: 25 }), { nil: undefined });
const isInt = (m: string): boolean => /^(0|-?[1-9][0-9]*)$/.test(m);

describe('set algebra', () => {
  it('matches JS Set semantics and Redis encoding rules', () => {
    fc.assert(
      fc.property(fc.array(maybeSet, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 20 }), (raw, maxIntset) => {
        const limits = { setMaxIntsetEntries: maxIntset };
        const sets = raw.map((m) => (m === undefined ? undefined : SetValue.of(m, limits)));
        const models = raw.map((m) => new Set(m ?? []));
        const first = models[0] as Set<string>;
        const inter = raw.some((m) => m === undefined) ? [] : [...first].filter((m) => models.every((s) => s.has(m)));
        const uni = [...new Set(models.flatMap((s) => [...s]))];
        const diff = [...first].filter((m) => !models.slice(1).some((s) => s.has(m)));
        const sorted = (a: string[]) => [...a].sort();
        expect(sorted(intersect(sets))).toEqual(sorted(inter));
        expect(intersect(sets, 2)).toHaveLength(Math.min(2, inter.length));
        const i = intersection(sets, limits);
        expect(sorted(i.members())).toEqual(sorted(inter));
        const u = union(sets, limits);
        expect(sorted(u.members())).toEqual(sorted(uni));
        const allInt = (a: string[]) => a.every(isInt) && a.length <= maxIntset;
        expect(i.encoding()).toBe(allInt(inter) ? 'intset' : 'hashtable');
        expect(u.encoding()).toBe(allInt(uni) ? 'intset' : 'hashtable');
        expect(sorted(difference(sets, limits).members())).toEqual(sorted(diff));
      }),
    );
  });

  it('a key named twice intersects with itself and subtracts to nothing', () => {
    const limits = { setMaxIntsetEntries: 512 };
    const s = SetValue.of(['1', 'a'], limits);
    expect(intersect([s, s]).sort()).toEqual(['1', 'a']);
    expect(difference([s, s], limits).size).toBe(0);
  });
});
