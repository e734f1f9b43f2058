// HashValue behaves as a Map under any interleaving of writes, converts listpack → hashtable
// exactly by Redis's rules and never back, and its packed form survives long entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashValue } from './hash.js';

const limits = (entries: number, value: number) => ({ hashMaxListpackEntries: entries, hashMaxListpackValue: value });

function contents(h: HashValue): [string, string][] {
  const out: [string, string][] = [];
  h.forEach((f, v) => out.push([f, v]));
  return out;
}

const bytes = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: bytes, value: bytes }),
  fc.record({ kind: fc.constant('del' as const), field: bytes }),
  fc.record({ kind: fc.constant('tryConversion' as const), field: bytes, value: bytes }),
);

describe('HashValue', () => {
  it('matches a Map model under random writes, converting once and never back', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 10 }), (ops, maxEntries, maxValue) => {
        const lim = limits(maxEntries, maxValue);
        const h = new HashValue();
        const model = new Map<string, string>();
        let shouldBeTable = false;
        for (const o of ops) {
          if (o.kind === 'set') {
            if (o.field.length > maxValue || o.value.length > maxValue) shouldBeTable = true;
            expect(h.set(o.field, o.value, lim)).toBe(!model.has(o.field));
            model.set(o.field, o.value);
            if (model.size > maxEntries) shouldBeTable = true;
          } else if (o.kind === 'del') {
            expect(h.delete(o.field)).toBe(model.delete(o.field));
          } else {
            h.tryConversion([o.field, o.value], lim);
            if (o.field.length > maxValue || o.value.length > maxValue) shouldBeTable = true;
          }
          expect(h.encoding()).toBe(shouldBeTable ? 'hashtable' : 'listpack');
          expect(h.length).toBe(model.size);
        }
        for (const [f, v] of model) {
          expect(h.get(f)).toBe(v);
          expect(h.has(f)).toBe(true);
          expect(h.valueLength(f)).toBe(v.length);
        }
        expect(h.get('\u00ff-absent-field-longer-than-twelve')).toBeUndefined();
        expect(new Map(contents(h))).toEqual(model);
        const pairs = h.pairs();
        const positional = new Map(Array.from({ length: pairs.size }, (_, i) => [pairs.fieldAt(i), pairs.valueAt(i)] as const));
        expect(positional).toEqual(model);
        if (!shouldBeTable) expect(contents(h).map(([f]) => f)).toEqual([...model.keys()]); // listpack keeps insertion order
      }),
      { numRuns: 300 },
    );
  });

  it('keeps entries of every header size intact in the packed form', () => {
    const lim = limits(100, 100_000);
    const h = new HashValue();
    const sizes = [0, 1, 253, 254, 255, 256, 65535, 65536, 70000];
    for (const n of sizes) h.set(`f${n}`, 'x'.repeat(n), lim);
    h.set('y'.repeat(300), 'short', lim);
    expect(h.encoding()).toBe('listpack');
    for (const n of sizes) expect(h.get(`f${n}`)).toBe('x'.repeat(n));
    expect(h.get('y'.repeat(300))).toBe('short');
    expect(h.delete('f254')).toBe(true);
    h.set('f65535', 'now short', lim);
    expect(h.get('f65535')).toBe('now short');
    expect(h.get('f65536')).toBe('x'.repeat(65536));
    expect(h.length).toBe(sizes.length);
  });

  it('rewrites a value in place: the same value, one of equal length, or a longer one', () => {
    const lim = limits(128, 64);
    const h = new HashValue();
    h.set('a', 'xxx', lim);
    h.set('b', 'yyy', lim);
    expect(h.set('a', 'xxx', lim)).toBe(false);
    expect(h.set('a', 'xyz', lim)).toBe(false);
    expect(h.set('b', 'longer', lim)).toBe(false);
    expect(contents(h)).toEqual([['a', 'xyz'], ['b', 'longer']]);
    expect(h.encoding()).toBe('listpack');
  });

  it('tryConversion weighs only the arguments from the given index', () => {
    const lim = limits(128, 4);
    const h = new HashValue();
    h.set('f', 'v', lim);
    h.tryConversion(['hset', 'long-key-name', 'f', 'v'], lim, 2);
    expect(h.encoding()).toBe('listpack');
    h.tryConversion(['hset', 'k', 'f', 'too-long'], lim, 2);
    expect(h.encoding()).toBe('hashtable');
  });

  it('clone is a deep copy in the same encoding', () => {
    for (const lim of [limits(128, 64), limits(1, 64)]) {
      const h = HashValue.fromPairs(['a', 'b'], ['1', '2'], lim);
      const c = h.clone();
      c.set('a', 'changed', lim);
      c.delete('b');
      expect(h.get('a')).toBe('1');
      expect(h.get('b')).toBe('2');
      expect(c.encoding()).toBe(h.encoding());
    }
  });

  it('a listpack scan returns every pair with cursor 0 whatever the cursor', () => {
    const h = HashValue.fromPairs(['a', 'b', 'c'], ['1', '2', '3'], limits(128, 64));
    const seen: string[] = [];
    expect(h.scan(12345, 1, (f, v) => seen.push(f, v))).toBe(0);
    expect(seen).toEqual(['a', '1', 'b', '2', 'c', '3']);
  });

  it('a hashtable scan returns every field present for the whole scan despite concurrent churn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 7 }), fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 200 }), (n, count, churn) => {
        const lim = limits(0, 64);
        const h = new HashValue();
        for (let i = 0; i < n; i++) h.set(`k${i}`, `v${i}`, lim);
        const touched = new Set<string>();
        const seen = new Set<string>();
        let cursor = 0;
        let steps = 0;
        do {
          cursor = h.scan(cursor, count, (f, v) => {
            expect(v).toBe(h.get(f));
            seen.add(f);
          });
          // Churn between steps: delete or add a field.
          const c = churn[steps % Math.max(churn.length, 1)];
          if (c !== undefined) {
            const f = `k${c}`;
            touched.add(f);
            if (c % 2 === 0) h.delete(f);
            else h.set(f, `v${c}`, lim);
          }
          steps++;
        } while (cursor !== 0 && steps < 10_000);
        expect(cursor).toBe(0);
        for (let i = 0; i < n; i++) if (!touched.has(`k${i}`)) expect(seen.has(`k${i}`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a hashtable cursor that is unknown resumes from the position it encodes', () => {
    const lim = limits(0, 64);
    const h = new HashValue();
    for (let i = 0; i < 30; i++) h.set(`k${i}`, 'v', lim);
    const first: string[] = [];
    const cursor = h.scan(0, 10, (f) => first.push(f));
    // The same cursor used twice: the second use no longer finds its iterator.
    const a: string[] = [];
    const b: string[] = [];
    h.scan(cursor, 5, (f) => a.push(f));
    h.scan(cursor, 5, (f) => b.push(f));
    expect(first).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(a).toEqual(['k10', 'k11', 'k12', 'k13', 'k14']);
    expect(b).toEqual(a);
  });
});

describe('HashValue.withEncoding', () => {
  it('keeps the chosen encoding whatever the pairs, with the pairs in order', () => {
    const long = 'v'.repeat(100);
    const packed = HashValue.withEncoding(['a', 'b'], ['1', long], true);
    const table = HashValue.withEncoding(['a'], ['1'], false);
    const pairs: string[] = [];
    packed.forEach((f, v) => pairs.push(f, v));
    expect([packed.encoding(), pairs, table.encoding(), table.get('a')]).toEqual(['listpack', ['a', '1', 'b', long], 'hashtable', '1']);
  });
});
