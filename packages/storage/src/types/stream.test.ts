// StreamValue keeps entries in ID order across nodes: ranges (both directions, with COUNT),
// lookups, deletes and exact trims agree with a sorted array model; approximate trims never
// remove more than exact ones would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamValue } from './stream.js';
import { formatId, makeId, parseStreamId } from './stream-id.js';

const limits = { streamNodeMaxEntries: 4, streamNodeMaxBytes: 4096 };

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), gap: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('del' as const), id: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant('maxlen' as const), n: fc.integer({ min: 0, max: 40 }), approx: fc.boolean() }),
  fc.record({ kind: fc.constant('minid' as const), id: fc.integer({ min: 0, max: 200 }), approx: fc.boolean() }),
);

describe('StreamValue', () => {
  it('matches a sorted array model under adds, deletes and trims', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 6 }), (ops, a, b, count) => {
        const s = new StreamValue();
        let model: bigint[] = [];
        let next = 0n;
        for (const o of ops) {
          if (o.kind === 'add') {
            next += BigInt(o.gap);
            s.append(next, ['f', String(next)], limits);
            model.push(next);
          } else if (o.kind === 'del') {
            const id = BigInt(o.id);
            expect(s.delete(id)).toBe(model.includes(id));
            model = model.filter((x) => x !== id);
          } else if (o.kind === 'maxlen') {
            const removed = s.trim({ strategy: 'maxlen', maxlen: o.n, approx: o.approx, limit: 0 });
            const exact = Math.max(0, model.length - o.n);
            if (o.approx) expect(removed).toBeLessThanOrEqual(exact);
            else expect(removed).toBe(exact);
            model = model.slice(removed);
          } else {
            const min = BigInt(o.id);
            const removed = s.trim({ strategy: 'minid', minid: min, approx: o.approx, limit: 0 });
            const exact = model.filter((x) => x < min).length;
            if (o.approx) expect(removed).toBeLessThanOrEqual(exact);
            else expect(removed).toBe(exact);
            model = model.slice(removed);
          }
          expect(s.length).toBe(model.length);
          expect(s.firstId).toBe(model[0] ?? 0n);
        }
        const lo = BigInt(Math.min(a, b));
        const hi = BigInt(Math.max(a, b));
        const inRange = model.filter((x) => x >= lo && x <= hi);
        const fwd = count === 0 ? inRange : inRange.slice(0, count);
        const rev = count === 0 ? inRange.slice().reverse() : inRange.slice().reverse().slice(0, count);
        expect(s.range(lo, hi, false, count).map((e) => e.id)).toEqual(fwd);
        expect(s.range(lo, hi, true, count).map((e) => e.id)).toEqual(rev);
        for (const id of model) expect(s.get(id)?.fields).toEqual(['f', String(id)]);
        expect(s.get(lo)?.id).toBe(model.includes(lo) ? lo : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('clone is deep: changes to the copy leave the original alone', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 10n; i++) s.append(i, ['f', 'v'], limits);
    const t = s.clone();
    t.delete(5n);
    t.trim({ strategy: 'maxlen', maxlen: 2, approx: false, limit: 0 });
    expect(s.length).toBe(10);
    expect(s.range(0n, 100n).map((e) => e.id)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n]);
    expect(t.length).toBe(2);
  });

  it('parses and formats IDs with Redis rules', () => {
    expect(parseStreamId('5', 7n)).toEqual({ id: makeId(5n, 7n), seqGiven: true });
    expect(parseStreamId('5-*', 0n, true, true)).toEqual({ id: makeId(5n, 0n), seqGiven: false });
    expect(parseStreamId('5-*', 0n)).toBe(null);
    expect(parseStreamId('-1', 0n)).toBe(null);
    expect(parseStreamId('18446744073709551616', 0n)).toBe(null);
    expect(parseStreamId('+', 0n, true)).toBe(null);
    expect(formatId(makeId(18446744073709551615n, 3n))).toBe('18446744073709551615-3');
  });
});

describe('StreamValue trimming edge', () => {
  it('MINID compares a node\'s last added ID even when deleted, keeping an emptied node as Redis', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 3n; i++) s.append(i, ['f', 'v'], limits);
    s.delete(3n);
    expect(s.trim({ strategy: 'minid', minid: 3n, approx: true, limit: 0 })).toBe(0);
    expect(s.trim({ strategy: 'minid', minid: 3n, approx: false, limit: 0 })).toBe(2);
    expect(s.length).toBe(0);
    expect(s.nodeCount).toBe(1);
    expect([s.edge(false), s.get(2n), s.range(0n, 10n, true)]).toEqual([undefined, undefined, []]);
    s.append(4n, ['f', 'v'], limits);
    expect(s.nodeCount).toBe(1);
    expect(s.range(0n, 10n).map((e) => e.id)).toEqual([4n]);
    expect(s.edge(false)?.id).toBe(4n);
    s.append(5n, ['f', 'v'], limits);
    expect(s.nodeCount).toBe(2);
  });
});

describe('StreamValue nodes for serialisation', () => {
  it('fromNodes over nodeViews rebuilds a stream that reads and grows exactly like the original', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 10n; i++) s.append(makeId(i, 0n), ['f', String(i)], limits);
    s.delete(makeId(2n, 0n));
    const views = s.nodeViews();
    expect(views.map((n) => [n.masterId, n.entries.length, n.deleted, n.tailId])).toEqual([
      [makeId(1n, 0n), 3, 1, makeId(4n, 0n)], [makeId(5n, 0n), 4, 0, makeId(8n, 0n)], [makeId(9n, 0n), 2, 0, makeId(10n, 0n)],
    ]);
    const copy = StreamValue.fromNodes(views.map((n) => ({ ...n, entries: n.entries.slice() })), {
      length: s.length, lastId: s.lastId, firstId: s.firstId, maxDeletedId: s.maxDeletedId, entriesAdded: s.entriesAdded,
    });
    expect(copy.range(0n, makeId(99n, 0n))).toEqual(s.range(0n, makeId(99n, 0n)));
    expect([copy.length, copy.firstId, copy.maxDeletedId, copy.entriesAdded, copy.nodeCount]).toEqual([9, makeId(1n, 0n), makeId(2n, 0n), 10, 3]);
    for (const v of [s, copy]) for (let i = 11n; i <= 13n; i++) v.append(makeId(i, 0n), ['f', 'x'], limits);
    expect(copy.nodeViews().map((n) => [n.masterId, n.entries.length])).toEqual(s.nodeViews().map((n) => [n.masterId, n.entries.length]));
  });
});
