// Proves writeStream/readStream round-trip entries, counters, groups, PELs and consumers; that
// type 15 loads with Redis 7.0's derived first ID, entries-added and entries-read; and that
// inconsistent or damaged payloads throw RdbFormatError and nothing else.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Consumer, ConsumerGroup, makeId, MAX_ID, StreamValue } from '@cinnabar/storage';
import { RdbFormatError } from './errors.js';
import { RdbReader } from './rdb-reader.js';
import { RdbWriter } from './rdb-writer.js';
import { readStream, writeStream } from './stream-codec.js';
import { encodeNodeKey, encodeStreamNode } from './stream-listpack.js';

const limits = { streamNodeMaxEntries: 5, streamNodeMaxBytes: 4096 };

function pend(g: ConsumerGroup, id: bigint, c: Consumer, count: number): void {
  const nack = { deliveryTimeMs: 1_700_000_000_000 + count, deliveryCount: count, consumer: c };
  g.pel.set(id, nack);
  c.pel.set(id, nack);
}

function sample(): StreamValue {
  const s = new StreamValue();
  for (let i = 1n; i <= 12n; i++) s.append(makeId(i, 0n), i % 4n ? ['f', String(i)] : ['g', 'x', 'h', 'y'], limits);
  s.delete(makeId(5n, 0n));
  s.delete(makeId(6n, 0n));
  const g = new ConsumerGroup(makeId(7n, 0n), 7);
  s.groups.set('grp', g);
  const alice = g.createConsumer('alice', 1_700_000_000_123);
  const bob = g.createConsumer('bob', 1_700_000_000_456);
  pend(g, makeId(1n, 0n), alice, 1);
  pend(g, makeId(2n, 0n), bob, 3);
  pend(g, makeId(7n, 0n), alice, 2);
  s.groups.set('42', new ConsumerGroup(makeId(3n, 0n), -1));
  return s;
}

function encode(s: StreamValue): Buffer {
  const w = new RdbWriter();
  writeStream(w, s, { compress: true });
  return w.take();
}

function decode(b: Buffer, type: 15 | 19 = 19): StreamValue {
  const r = new RdbReader(b);
  const s = readStream(r, type);
  expect(r.pos).toBe(b.length);
  return s;
}

function describeStream(s: StreamValue): unknown {
  return {
    entries: s.range(0n, MAX_ID),
    meta: [s.length, s.lastId, s.firstId, s.maxDeletedId, s.entriesAdded, s.nodeCount],
    groups: s.sortedGroups().map(([name, g]) => [name, g.lastId, g.entriesRead,
      g.pel.range(0n, MAX_ID).map(([id, n]) => [id, n.deliveryTimeMs, n.deliveryCount, n.consumer.name]),
      g.sortedConsumers().map((c) => [c.name, c.seenTimeMs, c.pel.range(0n, MAX_ID).map(([id, n]) => [id, n === g.pel.get(id)])])]),
  };
}

describe('stream payload round trip', () => {
  test('entries, counters, groups, PELs and consumers survive write then read', () => {
    const s = sample();
    const back = decode(encode(s));
    expect(describeStream(back)).toEqual(describeStream(s));
    expect((describeStream(back) as { groups: unknown[] }).groups).toEqual([
      ['42', makeId(3n, 0n), -1, [], []],
      ['grp', makeId(7n, 0n), 7, [[makeId(1n, 0n), 1_700_000_000_001, 1, 'alice'], [makeId(2n, 0n), 1_700_000_000_003, 3, 'bob'], [makeId(7n, 0n), 1_700_000_000_002, 2, 'alice']],
        [['alice', 1_700_000_000_123, [[makeId(1n, 0n), true], [makeId(7n, 0n), true]]], ['bob', 1_700_000_000_456, [[makeId(2n, 0n), true]]]]],
    ]);
  });

  test('random streams with deletes and trims round-trip', () => {
    const op = fc.oneof(
      fc.record({ add: fc.integer({ min: 1, max: 3 }), wide: fc.boolean() }),
      fc.record({ del: fc.integer({ min: 0, max: 80 }) }),
      fc.record({ minid: fc.integer({ min: 0, max: 80 }) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const s = new StreamValue();
      let next = 0n;
      for (const o of ops) {
        if ('add' in o) {
          next += BigInt(o.add);
          s.append(makeId(next, 0n), o.wide ? ['a', String(next), 'b', 'w'] : ['a', String(next)], limits);
        } else if ('del' in o) s.delete(makeId(BigInt(o.del), 0n));
        else s.trim({ strategy: 'minid', minid: makeId(BigInt(o.minid), 0n), approx: false, limit: 0 });
      }
      const back = decode(encode(s));
      expect(describeStream(back)).toEqual(describeStream(s));
      expect(back.nodeViews().map((n) => [n.masterId, n.tailId])).toEqual(s.nodeViews().map((n) => [n.masterId, n.tailId]));
    }));
  });
});

/** A type 15 payload: as 19 without first ID, max-deleted ID, entries-added and entries-read. */
function type15(s: StreamValue, groups: [string, bigint][]): Buffer {
  const w = new RdbWriter();
  const nodes = s.nodeViews();
  w.writeLength(nodes.length);
  for (const n of nodes) {
    w.writeString(encodeNodeKey(n.masterId), false);
    w.writeBuffer(encodeStreamNode(n), false);
  }
  w.writeLength(s.length);
  w.writeLength(Number(s.lastId >> 64n));
  w.writeLength(Number(s.lastId & 0xffffffffn));
  w.writeLength(groups.length);
  for (const [name, id] of groups) {
    w.writeString(name, false);
    w.writeLength(Number(id >> 64n));
    w.writeLength(0);
    w.writeLength(0);
    w.writeLength(0);
  }
  return w.take();
}

describe('type 15 (STREAM_LISTPACKS)', () => {
  test('derives first ID, entries-added and each group entries-read as Redis 7.0 does', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 8n; i++) s.append(makeId(i, 0n), ['f', 'v'], limits);
    s.delete(makeId(1n, 0n));
    const back = decode(type15(s, [['at-start', makeId(0n, 0n)], ['at-end', makeId(8n, 0n)], ['middle', makeId(4n, 0n)]]), 15);
    expect([back.length, back.firstId, back.maxDeletedId, back.entriesAdded]).toEqual([7, makeId(2n, 0n), 0n, 7]);
    expect(back.sortedGroups().map(([n, g]) => [n, g.entriesRead])).toEqual([['at-end', 7], ['at-start', 0], ['middle', -1]]);
  });

  test('an empty type 15 stream gets the maximal first ID, as streamGetEdgeID gives', () => {
    expect(decode(type15(new StreamValue(), []), 15).firstId).toBe(MAX_ID);
  });
});

describe('corrupt stream payloads', () => {
  /** Re-encodes the sample after `damage` breaks an invariant writeStream would keep. */
  const cases: [string, (s: StreamValue) => void][] = [
    ['a length that does not match the entries', (s) => { s.length++; }],
    ['a last ID below the last entry', (s) => { s.lastId = makeId(3n, 0n); }],
    ['a consumer PEL entry missing from the group PEL', (s) => { s.groups.get('grp')!.pel.delete(makeId(7n, 0n)); }],
    ['a group PEL entry without a consumer', (s) => { s.groups.get('grp')!.consumer('bob')!.pel.delete(makeId(2n, 0n)); }],
    ['a PEL entry owned by two consumers', (s) => { const g = s.groups.get('grp')!; g.consumer('bob')!.pel.set(makeId(1n, 0n), g.pel.get(makeId(1n, 0n))!); }],
  ];
  test.each(cases)('%s throws RdbFormatError', (_name, damage) => {
    const s = sample();
    damage(s);
    expect(() => decode(encode(s))).toThrow(RdbFormatError);
  });

  test('nodes out of order throw RdbFormatError', () => {
    const a = new StreamValue();
    a.append(makeId(5n, 0n), ['f', 'v'], limits);
    const b = new StreamValue();
    b.append(makeId(2n, 0n), ['f', 'v'], limits);
    const w = new RdbWriter();
    w.writeLength(2);
    for (const n of [a.nodeViews()[0]!, b.nodeViews()[0]!]) {
      w.writeString(encodeNodeKey(n.masterId), false);
      w.writeBuffer(encodeStreamNode(n), false);
    }
    expect(() => readStream(new RdbReader(w.take()), 19)).toThrow(/out of order/);
  });

  test('every truncation throws RdbFormatError', () => {
    const full = encode(sample());
    for (let cut = 0; cut < full.length; cut++) expect(() => readStream(new RdbReader(full.subarray(0, cut)), 19)).toThrow(RdbFormatError);
  });

  test('random byte damage loads or throws RdbFormatError, never anything else', () => {
    const w = new RdbWriter();
    writeStream(w, sample(), { compress: false });
    const full = w.take();
    fc.assert(fc.property(fc.integer({ min: 0, max: full.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
      const b = Buffer.from(full);
      b[at] = byte;
      try {
        expect(readStream(new RdbReader(b), 19)).toBeInstanceOf(StreamValue);
      } catch (e) {
        expect(e).toBeInstanceOf(RdbFormatError);
      }
    }), { numRuns: 2000 });
  });
});
