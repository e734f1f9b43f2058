// Proves a stream node's listpack is laid out as t_stream.c lays it out (master entry, flags,
// deltas, same-fields compression, lp-count), round-trips, keeps a deleted tail's ID, and that
// corrupt nodes are refused with RdbFormatError.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeId, StreamValue } from '@cinnabar/storage';
import { RdbFormatError } from './errors.js';
import { decodeListpack, encodeListpack } from './listpack.js';
import { decodeNodeKey, decodeStreamNode, encodeNodeKey, encodeStreamNode } from './stream-listpack.js';

const limits = { streamNodeMaxEntries: 100, streamNodeMaxBytes: 4096 };

describe('stream node listpack', () => {
  test('master entry, same-fields entries and differing entries are laid out as Redis does', () => {
    const s = new StreamValue();
    s.append(makeId(5n, 1n), ['a', '1', 'b', 'x'], limits);
    s.append(makeId(7n, 0n), ['a', '2', 'b', 'y'], limits);
    s.append(makeId(7n, 3n), ['c', '3'], limits);
    const node = s.nodeViews()[0]!;
    expect(decodeListpack(encodeStreamNode(node))).toEqual([
      '3', '0', '2', 'a', 'b', '0',
      '2', '0', '0', '1', 'x', '5',
      '2', '2', '-1', '2', 'y', '5',
      '0', '2', '2', '1', 'c', '3', '6',
    ]);
  });

  test('a deleted tail entry is kept as one tombstone carrying its ID', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 3n; i++) s.append(makeId(i, 0n), ['f', String(i)], limits);
    s.delete(makeId(3n, 0n));
    s.delete(makeId(2n, 0n));
    const lp = encodeStreamNode(s.nodeViews()[0]!);
    expect(decodeListpack(lp)).toEqual(['1', '1', '1', 'f', '0', '2', '0', '0', '1', '4', '3', '2', '0', '', '4']);
    const back = decodeStreamNode(makeId(1n, 0n), lp);
    expect([back.entries, back.deleted, back.tailId]).toEqual([[{ id: makeId(1n, 0n), fields: ['f', '1'] }], 1, makeId(3n, 0n)]);
  });

  test('entriesBytes is the listpack size after the master entry', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 20n; i++) s.append(makeId(1000n * i, i), ['field', 'v'.repeat(Number(i) * 7), ...(i % 3n === 0n ? ['extra', String(i)] : [])], limits);
    const node = s.nodeViews()[0]!;
    const back = decodeStreamNode(node.masterId, encodeStreamNode(node));
    expect(back.entriesBytes).toBe(node.entriesBytes);
    expect(back.entries).toEqual(node.entries);
  });

  test('IDs whose deltas wrap around 64 bits round-trip', () => {
    const big = (1n << 64n) - 1n;
    const s = new StreamValue();
    s.append(makeId(1n, big), ['f', 'v'], limits);
    s.append(makeId(big, 0n), ['f', 'w'], limits);
    s.append(makeId(big, big), ['f', 'x'], limits);
    const node = s.nodeViews()[0]!;
    expect(decodeStreamNode(node.masterId, encodeStreamNode(node)).entries).toEqual(node.entries);
  });

  test('node keys are the master ID in 16 big-endian bytes', () => {
    const key = encodeNodeKey(makeId(0x0102n, 0x03n));
    expect(key).toBe('\0\0\0\0\0\0\x01\x02\0\0\0\0\0\0\0\x03');
    expect(decodeNodeKey(key)).toBe(makeId(0x0102n, 0x03n));
    expect(() => decodeNodeKey('short')).toThrow(RdbFormatError);
  });

  test('round trip of random entries', () => {
    const entry = fc.record({ gap: fc.bigInt({ min: 1n, max: 1n << 70n }), fields: fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 6 }) });
    fc.assert(fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), (list) => {
      const s = new StreamValue();
      let id = 0n;
      for (const e of list) {
        id += e.gap;
        if (id >= 1n << 128n) break;
        s.append(id, e.fields.length % 2 ? [...e.fields, 'odd'] : e.fields, { streamNodeMaxEntries: 1000, streamNodeMaxBytes: 0 });
      }
      for (const node of s.nodeViews()) {
        const back = decodeStreamNode(node.masterId, encodeStreamNode(node));
        expect([back.entries, back.masterFields, back.entriesBytes, back.tailId]).toEqual([node.entries, node.masterFields, node.entriesBytes, node.tailId]);
      }
    }));
  });
});

describe('corrupt stream nodes', () => {
  const cases: [string, (string | number)[]][] = [
    ['a live count that does not match', [2, 0, 1, 'f', 0, 2, 0, 0, 'v', 4]],
    ['a deleted count that does not match', [1, 1, 1, 'f', 0, 2, 0, 0, 'v', 4]],
    ['a missing master terminator', [1, 0, 1, 'f', 5, 2, 0, 0, 'v', 4]],
    ['a wrong lp-count', [1, 0, 1, 'f', 0, 2, 0, 0, 'v', 5]],
    ['a truncated entry', [1, 0, 1, 'f', 0, 2, 0, 0]],
    ['unknown flags', [1, 0, 1, 'f', 0, 8, 0, 0, 'v', 4]],
    ['an entry below the node key', [1, 0, 1, 'f', 0, 2, 0, -1, 'v', 4]],
    ['entries out of order', [2, 0, 1, 'f', 0, 2, 0, 5, 'v', 4, 2, 0, 5, 'w', 4]],
    ['a string where a count belongs', [1, 0, 'x', 'f', 0, 2, 0, 0, 'v', 4]],
    ['an empty listpack', []],
  ];
  test.each(cases)('%s throws RdbFormatError', (_name, items) => {
    expect(() => decodeStreamNode(makeId(10n, 10n), encodeListpack(items))).toThrow(RdbFormatError);
  });

  test('random damage decodes or throws RdbFormatError, never anything else', () => {
    const s = new StreamValue();
    for (let i = 1n; i <= 6n; i++) s.append(makeId(i, 0n), i % 2n ? ['a', 'x', 'b', String(i)] : ['c', 'y'], limits);
    const lp = encodeStreamNode(s.nodeViews()[0]!);
    fc.assert(fc.property(fc.integer({ min: 0, max: lp.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
      const b = Buffer.from(lp);
      b[at] = byte;
      try {
        expect(decodeStreamNode(makeId(1n, 0n), b).masterId).toBe(makeId(1n, 0n));
      } catch (e) {
        expect(e).toBeInstanceOf(RdbFormatError);
      }
    }));
  });
});
