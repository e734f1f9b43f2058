// ZSetValue keeps (score, member) order, ranks and score/lex spans exactly as a sorted array
// model in either encoding under random adds, increments and removals, at tree sizes that split
// and merge nodes, and switches listpack → skiplist once by Redis's rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LexRange, type ScoreRange, ZSetValue } from './zset.js';

const big = { zsetMaxListpackEntries: 128, zsetMaxListpackValue: 64 };

type Pair = [string, number];
const cmp = (a: Pair, b: Pair): number => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function all(z: ZSetValue): Pair[] {
  const out: Pair[] = [];
  z.walk(0, z.length - 1, false, (m, s) => {
    out.push([m, s]);
  });
  return out;
}

const member = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
  fc.integer({ min: 0, max: 3000 }).map((n) => `m${n}`),
);
const score = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(Infinity, -Infinity, 0.5, -0.5, 1e300));
const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), member, score }),
  fc.record({ kind: fc.constant('incr' as const), member, score }),
  fc.record({ kind: fc.constant('del' as const), member }),
  fc.record({ kind: fc.constant('bulk' as const), n: fc.integer({ min: 0, max: 600 }), score }),
  fc.record({ kind: fc.constant('delrank' as const), from: fc.nat(), n: fc.integer({ min: 0, max: 400 }) }),
);

function scoreRanges(): ScoreRange[] {
  const pts = [-Infinity, -20, -1, -0.5, 0, 0.5, 3, 20, 1e300, Infinity];
  const out: ScoreRange[] = [];
  for (const min of pts) for (const max of pts) for (const minex of [false, true]) for (const maxex of [false, true]) out.push({ min, max, minex, maxex });
  return out;
}

function inScore(r: ScoreRange, s: number): boolean {
  return (r.minex ? s > r.min : s >= r.min) && (r.maxex ? s < r.max : s <= r.max);
}

describe('ZSetValue', () => {
  it('matches a sorted array model under random writes, ranks and score spans included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 0, max: 140 }), (ops, maxEntries) => {
        const big = { zsetMaxListpackEntries: maxEntries, zsetMaxListpackValue: 64 };
        const z = new ZSetValue();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            z.set(o.member, o.score, big);
            model.set(o.member, o.score);
          } else if (o.kind === 'incr') {
            const s = (model.get(o.member) ?? 0) + o.score;
            if (Number.isNaN(s)) continue;
            z.set(o.member, s, big);
            model.set(o.member, s);
          } else if (o.kind === 'del') {
            expect(z.delete(o.member)).toBe(model.delete(o.member));
          } else if (o.kind === 'bulk') {
            for (let i = 0; i < o.n; i++) {
              z.set(`b${i}`, o.score + (i % 7), big);
              model.set(`b${i}`, o.score + (i % 7));
            }
          } else {
            const sorted = [...model].sort(cmp);
            for (const [m] of sorted.slice(o.from % (sorted.length + 1), (o.from % (sorted.length + 1)) + o.n)) {
              expect(z.delete(m)).toBe(true);
              model.delete(m);
            }
          }
        }
        const sorted = [...model].sort(cmp);
        expect(z.length).toBe(sorted.length);
        expect(z.score('never-a-member')).toBeUndefined();
        expect(z.clone().encoding()).toBe(z.encoding());
        expect(all(z)).toEqual(sorted);
        const rev: Pair[] = [];
        z.walk(0, z.length - 1, true, (m, s) => {
          rev.push([m, s]);
        });
        expect(rev).toEqual([...sorted].reverse());
        sorted.forEach(([m, s], i) => {
          if (i % 17 === 0 || i === sorted.length - 1) {
            expect(z.rank(m)).toBe(i);
            expect(z.at(i)).toEqual([m, s]);
            expect(z.score(m)).toBe(s);
          }
        });
        for (const r of scoreRanges()) {
          const [a, b] = z.scoreSpan(r);
          const want = sorted.filter(([, s]) => inScore(r, s));
          expect(b - a + 1 > 0 ? sorted.slice(a, b + 1) : []).toEqual(want);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers lex spans like a filter over equal-score members', () => {
    const bounds = ['', 'a', 'b', 'ba', 'c', '\xff'];
    fc.assert(
      fc.property(fc.uniqueArray(member, { maxLength: 300 }), (members) => {
        const z = ZSetValue.from(members.map((m) => [m, 0] as Pair), big);
        const sorted = [...members].sort();
        const ranges: LexRange[] = [{ min: '', max: '', minex: false, maxex: false, minInf: true, maxInf: true }];
        for (const min of bounds) for (const max of bounds) for (const minex of [false, true]) for (const maxex of [false, true]) ranges.push({ min, max, minex, maxex });
        for (const min of bounds) ranges.push({ min, max: '', minex: false, maxex: false, maxInf: true }, { min: '', max: min, minex: false, maxex: true, minInf: true });
        for (const r of ranges) {
          const want = sorted.filter((m) => (r.minInf || (r.minex ? m > r.min : m >= r.min)) && (r.maxInf || (r.maxex ? m < r.max : m <= r.max)));
          const [a, b] = z.lexSpan(r);
          expect(b >= a ? sorted.slice(a, b + 1) : []).toEqual(want);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('stays listpack within the limits and switches once, never back', () => {
    const lim = { zsetMaxListpackEntries: 3, zsetMaxListpackValue: 4 };
    const z = new ZSetValue();
    z.set('a', 1, lim);
    z.set('b', 2, lim);
    z.set('c', 3, lim);
    z.set('c', 5, lim);
    expect(z.encoding()).toBe('listpack');
    z.set('d', 4, lim);
    expect(z.encoding()).toBe('skiplist');
    for (const m of ['a', 'b', 'c']) z.delete(m);
    expect(z.encoding()).toBe('skiplist');
    const long = new ZSetValue();
    long.set('abcd', 1, lim);
    expect(long.encoding()).toBe('listpack');
    long.set('abcde', 1, lim);
    expect(long.encoding()).toBe('skiplist');
  });

  it('clones deeply, keeping the encoding', () => {
    const z = ZSetValue.from([['a', 1], ['b', 2]], { zsetMaxListpackEntries: 1, zsetMaxListpackValue: 64 });
    const c = z.clone();
    z.set('a', 10, big);
    expect(all(c)).toEqual([['a', 1], ['b', 2]]);
    expect(c.encoding()).toBe('skiplist');
  });

  it('keeps ranks right at a hundred thousand members', () => {
    const z = new ZSetValue();
    const n = 100_000;
    for (let i = 0; i < n; i++) z.set(`m${i}`, (i * 7919) % n, big);
    expect(z.rank('m0')).toBe(0);
    expect(z.at(n - 1)).toEqual([`m${findMax(n)}`, n - 1]);
    expect(z.scoreSpan({ min: 10, max: 19, minex: false, maxex: false })).toEqual([10, 19]);
    for (let i = 0; i < n; i += 2) z.delete(`m${i}`);
    expect(z.length).toBe(n / 2);
    expect(z.scoreSpan({ min: -Infinity, max: Infinity, minex: false, maxex: false })).toEqual([0, n / 2 - 1]);
  });
});

/** The member whose score (i × 7919 mod n) is n − 1. */
function findMax(n: number): number {
  for (let i = 0; i < n; i++) if ((i * 7919) % n === n - 1) return i;
  return -1;
}

describe('ZSetValue -0 scores by encoding', () => {
  const small = { zsetMaxListpackEntries: 2, zsetMaxListpackValue: 64 };
  const signs = (z: ZSetValue): boolean[] => all(z).map(([, s]) => Object.is(s, -0));

  it('a skiplist-built result keeps -0 unless it is converted to a listpack', () => {
    const pairs: Pair[] = [['a', -0], ['b', -0], ['c', 1]];
    expect(signs(ZSetValue.fromSkiplist(pairs))).toEqual([true, true, false]);
    expect(signs(ZSetValue.fromSkiplist(pairs, small))).toEqual([true, true, false]);
    const packed = ZSetValue.fromSkiplist(pairs, big);
    expect(packed.encoding()).toBe('listpack');
    expect(signs(packed)).toEqual([false, false, false]);
  });

  it('forSize picks the encoding before any member is added', () => {
    expect(ZSetValue.forSize(3, small).encoding()).toBe('skiplist');
    expect(ZSetValue.forSize(-1, small).encoding()).toBe('listpack');
  });
});

describe('ZSetValue lex walks over unequal scores (listpack scans as Redis does)', () => {
  // By score: b a d c e, so the members are not in lex order.
  const z = ZSetValue.from([['b', 1], ['a', 2], ['d', 3], ['c', 4], ['e', 5]], big);
  const range = (min: string, max: string): LexRange => ({ min, max, minex: false, maxex: false });
  const walk = (r: LexRange, reverse: boolean, offset = 0, limit = -1): string[] => {
    const out: string[] = [];
    z.lexWalk(r, reverse, offset, limit, (m) => {
      out.push(m);
    });
    return out;
  };

  it('starts at the first member inside the near bound and stops at the first outside the far one', () => {
    expect(walk(range('b', 'd'), false)).toEqual(['b', 'a', 'd', 'c']);
    expect(walk(range('a', 'c'), false)).toEqual(['b', 'a']);
    expect(walk({ ...range('', 'c'), minInf: true }, true)).toEqual(['c', 'd', 'a', 'b']);
    expect(z.lexSpan({ ...range('b', ''), maxInf: true })).toEqual([0, 4]);
  });

  it('skips the offset without checking the range', () => {
    expect(walk(range('a', 'b'), false, 0)).toEqual(['b', 'a']);
    expect(walk(range('b', 'b'), false, 2)).toEqual([]);
    expect(walk(range('b', 'c'), false, 2, 1)).toEqual([]);
    expect(walk({ ...range('a', ''), maxInf: true }, false, 3, 1)).toEqual(['c']);
  });
});
