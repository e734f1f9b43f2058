// ListValue behaves as a plain array under any interleaving of its operations, across node
// fills small enough to force packing, splitting and node removal; clones are independent.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListValue } from './list.js';
import { packElements, unpackElements, packedElementAt } from './list-node.js';

type Op =
  | { op: 'push'; end: 'head' | 'tail'; v: string }
  | { op: 'pushN'; end: 'head' | 'tail'; n: number; v: string }
  | { op: 'pop'; end: 'head' | 'tail' }
  | { op: 'popMany'; end: 'head' | 'tail'; n: number }
  | { op: 'insert'; pivot: string; v: string; after: boolean }
  | { op: 'set'; i: number; v: string }
  | { op: 'trim'; start: number; stop: number }
  | { op: 'rem'; v: string; count: number }
  | { op: 'range'; start: number; stop: number }
  | { op: 'at'; i: number }
  | { op: 'pos'; v: string; rank: number; limit: number; maxlen: number }
  | { op: 'clone' };

const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c', '', 'ab') },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 120, maxLength: 300 }).map(latin1) },
);
const end = fc.constantFrom<'head' | 'tail'>('head', 'tail');
const idx = fc.integer({ min: -40, max: 40 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), end, v: value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pushN' as const), end, n: fc.integer({ min: 1, max: 60 }), v: value }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pop' as const), end }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('popMany' as const), end, n: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), pivot: value, v: value, after: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), i: idx, v: value }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('trim' as const), start: idx, stop: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rem' as const), v: value, count: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('range' as const), start: idx, stop: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('at' as const), i: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pos' as const), v: value, rank: fc.integer({ min: -3, max: 3 }).filter((r) => r !== 0), limit: fc.nat(3), maxlen: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('clone' as const) }) },
);

/** The model's LRANGE/LTRIM index rule. */
function norm(len: number, start: number, stop: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (stop < 0) stop = len + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= len) return null;
  return [start, Math.min(stop, len - 1)];
}

function modelPositions(a: string[], v: string, rank: number, limit: number, maxlen: number): number[] {
  const order = rank < 0 ? a.map((_, i) => a.length - 1 - i) : a.map((_, i) => i);
  const out: number[] = [];
  let skip = Math.abs(rank) - 1;
  for (let s = 0; s < order.length && (maxlen === 0 || s < maxlen); s++) {
    const i = order[s] as number;
    if (a[i] !== v) continue;
    if (skip > 0) skip--;
    else {
      out.push(i);
      if (limit !== 0 && out.length >= limit) break;
    }
  }
  return out;
}

function apply(l: ListValue, a: string[], o: Op): ListValue {
  switch (o.op) {
    case 'push':
      l.push(o.v, o.end);
      if (o.end === 'tail') a.push(o.v);
      else a.unshift(o.v);
      break;
    case 'pushN':
      for (let i = 0; i < o.n; i++) {
        l.push(o.v + String(i), o.end);
        if (o.end === 'tail') a.push(o.v + String(i));
        else a.unshift(o.v + String(i));
      }
      break;
    case 'pop':
      expect(l.pop(o.end)).toBe(o.end === 'tail' ? a.pop() : a.shift());
      break;
    case 'popMany': {
      const want = o.end === 'tail' ? a.splice(Math.max(0, a.length - o.n)).reverse() : a.splice(0, o.n);
      expect(l.popMany(o.end, o.n)).toEqual(want);
      break;
    }
    case 'insert': {
      const i = a.indexOf(o.pivot);
      expect(l.insert(o.pivot, o.v, o.after)).toBe(i >= 0);
      if (i >= 0) a.splice(o.after ? i + 1 : i, 0, o.v);
      break;
    }
    case 'set': {
      const i = o.i < 0 ? a.length + o.i : o.i;
      const ok = i >= 0 && i < a.length;
      expect(l.set(o.i, o.v)).toBe(ok);
      if (ok) a[i] = o.v;
      break;
    }
    case 'trim': {
      const r = norm(a.length, o.start, o.stop);
      const keep = r ? a.slice(r[0], r[1] + 1) : [];
      expect(l.keep(o.start, o.stop)).toBe(a.length - keep.length);
      a.splice(0, a.length, ...keep);
      break;
    }
    case 'rem': {
      let removed = 0;
      const max = o.count === 0 ? Infinity : Math.abs(o.count);
      const order = o.count < 0 ? a.map((_, i) => a.length - 1 - i) : a.map((_, i) => i);
      const drop = new Set<number>();
      for (const i of order) if (a[i] === o.v && removed < max) (drop.add(i), removed++);
      expect(l.remove(o.v, o.count)).toBe(removed);
      a.splice(0, a.length, ...a.filter((_, i) => !drop.has(i)));
      break;
    }
    case 'range': {
      const r = norm(a.length, o.start, o.stop);
      expect(l.range(o.start, o.stop)).toEqual(r ? a.slice(r[0], r[1] + 1) : []);
      break;
    }
    case 'at':
      expect(l.at(o.i)).toBe(a.at(o.i));
      break;
    case 'pos':
      expect(l.positions(o.v, o.rank, o.limit, o.maxlen)).toEqual(modelPositions(a, o.v, o.rank, o.limit, o.maxlen));
      break;
    case 'clone': {
      const c = l.clone();
      l.push('after-clone', 'tail');
      expect(c.toArray()).toEqual(a);
      l.pop('tail');
      return c;
    }
  }
  return l;
}

describe('ListValue', () => {
  for (const fill of [1, 4, -1, -2]) {
    it(`matches a plain array under random operations (fill ${fill})`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 10, maxLength: 150, size: 'max' }), (ops) => {
          let l = new ListValue(fill);
          const a: string[] = [];
          for (const o of ops) {
            l = apply(l, a, o);
            expect(l.length).toBe(a.length);
          }
          expect(l.toArray()).toEqual(a);
          expect([...l.values()]).toEqual(a);
        }),
        { numRuns: fill > 0 ? 150 : 100 },
      );
    });
  }

  it('packs interior nodes of a long list and reads them back', () => {
    const l = new ListValue(-2);
    const a: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      l.push(String(i), 'tail');
      a.push(String(i));
    }
    expect(l.nodeCount).toBe(157); // 128 entries per node at most
    expect(l.at(10_000)).toBe('10000');
    expect(l.at(-1)).toBe('19999');
    expect(l.range(5000, 5003)).toEqual(['5000', '5001', '5002', '5003']);
    expect(l.set(7777, 'x')).toBe(true);
    a[7777] = 'x';
    expect(l.positions('x', 1, 0, 0)).toEqual([7777]);
    expect(l.toArray()).toEqual(a);
  });

  it('keeps a single huge element in a node of its own', () => {
    const l = new ListValue(-2);
    l.push('a', 'tail');
    l.push('x'.repeat(100_000), 'tail');
    l.push('b', 'tail');
    expect(l.nodeCount).toBe(3);
    expect(l.at(1)?.length).toBe(100_000);
  });

  it('reports quicklist as its encoding, as every list in Redis 7.0', () => {
    expect(new ListValue().encoding()).toBe('quicklist');
    expect(ListValue.from(['a']).typeName).toBe('list');
  });

  it('packs and unpacks elements of every length class byte for byte', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.string({ minLength: 127, maxLength: 20_000 })), { maxLength: 20 }), (raw) => {
        const items = raw.map(latin1);
        const p = packElements(items, items.reduce((n, s) => n + s.length, 0));
        expect(unpackElements(p, items.length)).toEqual(items);
        items.forEach((s, k) => expect(packedElementAt(p, k)).toBe(s));
      }),
      { numRuns: 100 },
    );
  });
});

describe('ListValue.nodeViews', () => {
  it('yields each node\'s elements in order, packed interior nodes included', () => {
    const l = ListValue.from(Array.from({ length: 25 }, (_, i) => String(i)), 10);
    const nodes = [...l.nodeViews()].map((n) => [...n]);
    expect(nodes.map((n) => n.length)).toEqual([10, 10, 5]);
    expect(nodes.flat()).toEqual(l.toArray());
  });
});
