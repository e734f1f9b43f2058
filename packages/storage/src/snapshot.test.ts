// Proves the fork-less snapshot is a point-in-time image: whatever is written, deleted,
// renamed, added, flushed or swapped while the walk is under way, draining it yields exactly
// the keyspace as it was when it began (values, TTLs), each key once, database by database;
// and a later snapshot (or one after an abort) again sees every key.
import { FakeClock, SeededRandom } from '@cinnabar/common';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyspace } from './keyspace.js';
import type { SnapshotRecord } from './snapshot.js';
import { ListValue } from './types/list.js';
import type { Value } from './value.js';

function image(ks: Keyspace): Map<string, string> {
  const out = new Map<string, string>();
  for (const db of ks.dbs) {
    for (const e of db.entries()) out.set(`${db.id}:${e.key}`, `${render(e.value)}@${db.expireAt(e)}`);
  }
  return out;
}

function render(v: Value): string {
  return typeof v === 'string' ? v : (v as ListValue).toArray().join(',');
}

function drain(records: SnapshotRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    const id = `${r.db}:${r.key}`;
    if (out.has(id)) throw new Error(`${id} emitted twice`);
    out.set(id, `${render(r.value)}@${r.expiresAt}`);
  }
  return out;
}

function filled(): Keyspace {
  const ks = new Keyspace({ databases: 3, clock: new FakeClock(), random: new SeededRandom(3) });
  for (let d = 0; d < 3; d++) {
    for (let i = 0; i < 40; i++) {
      const db = ks.db(d);
      const v = i % 3 === 0 ? ListValue.from([`a${i}`, `b${i}`]) : `v${d}-${i}`;
      db.add(`k${i}`, v, i % 5 === 0 ? 1e13 + i : 0);
    }
  }
  return ks;
}

/** Serialise (render) records at once, as a writer must before yielding. */
function take(snap: ReturnType<Keyspace['beginSnapshot']>, n: number, into: SnapshotRecord[]): boolean {
  const batch = snap.next(n);
  if (batch === null) return false;
  for (const r of batch) into.push({ ...r, value: render(r.value) });
  return true;
}

const op = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 49 }));

describe('KeyspaceSnapshot', () => {
  it('drains to the image of the moment it began under random interleaved writes', () => {
    fc.assert(fc.property(fc.array(fc.tuple(op, fc.integer({ min: 1, max: 7 })), { maxLength: 60 }), (ops) => {
      const ks = filled();
      const before = image(ks);
      const snap = ks.beginSnapshot();
      const got: SnapshotRecord[] = [];
      for (const [[kind, d, i], chunk] of ops) {
        take(snap, chunk, got);
        const db = ks.db(d);
        const key = `k${i}`;
        switch (kind) {
          case 0: db.setValue(key, `new${i}`); break;
          case 1: db.delete(key); break;
          case 2: {
            const e = db.lookup(key);
            if (e !== undefined && e.value instanceof ListValue) e.value.push('pushed', 'tail');
            break;
          }
          case 3: {
            const e = db.lookup(key);
            if (e !== undefined) db.setExpiry(e, 5e12);
            break;
          }
          case 4: {
            const e = db.lookup(key);
            if (e !== undefined) db.rename(e, `k${(i + 7) % 50}`);
            break;
          }
          case 5: ks.flushDb(d); break;
          case 6: ks.swap(d, (d + 1) % 3); break;
          case 7: {
            const e = db.lookup(key);
            if (e !== undefined && ks.db((d + 1) % 3).peek(key) === undefined) db.moveTo(e, ks.db((d + 1) % 3));
            break;
          }
          default: if (db.peek(key) === undefined) db.add(key, 'fresh');
        }
      }
      while (take(snap, 5, got));
      expect(drain(got)).toEqual(before);
      // Records come database by database.
      const dbs = got.map((r) => r.db);
      expect(dbs).toEqual([...dbs].sort((a, b) => a - b));
      // The next snapshot sees the keyspace as it is now.
      const now = image(ks);
      const again: SnapshotRecord[] = [];
      const s2 = ks.beginSnapshot();
      while (take(s2, 100, again));
      expect(drain(again)).toEqual(now);
    }), { numRuns: 150 });
  });

  it('after an abort, the next snapshot still sees every key', () => {
    const ks = filled();
    const snap = ks.beginSnapshot();
    const got: SnapshotRecord[] = [];
    take(snap, 10, got);
    expect(snap.aborted).toBe(false);
    snap.abort();
    expect(snap.aborted).toBe(true);
    expect(ks.snapshot).toBeNull();
    const all: SnapshotRecord[] = [];
    const s2 = ks.beginSnapshot();
    while (take(s2, 33, all));
    expect(drain(all)).toEqual(image(ks));
  });

  it('copies only values written during the walk, and allows one snapshot at a time', () => {
    const ks = filled();
    const snap = ks.beginSnapshot();
    expect(() => ks.beginSnapshot()).toThrow('already running');
    const e = ks.db(0).lookup('k3');
    expect(e?.value).toBeInstanceOf(ListValue);
    (e?.value as ListValue).push('x', 'tail');
    const got: SnapshotRecord[] = [];
    while (take(snap, 1000, got));
    expect(got.find((r) => r.db === 0 && r.key === 'k3')?.value).toBe('a3,b3');
    expect(snap.totalKeys).toBe(120);
    expect(snap.emitted).toBe(120);
  });

  it('hands out the walk records from a pool: the same objects, refilled, call after call', () => {
    const ks = filled();
    const snap = ks.beginSnapshot();
    const first = snap.next(5) as SnapshotRecord[];
    const keys = first.map((r) => r.key);
    const second = snap.next(5) as SnapshotRecord[];
    expect(second).toHaveLength(5);
    for (let i = 0; i < 5; i++) expect(second[i]).toBe(first[i]);
    expect(second.map((r) => r.key)).not.toEqual(keys);
    // A record captured by copy-before-write is its own object, kept until it is emitted.
    const untouched = 'k30';
    expect([...keys, ...second.map((r) => r.key)]).not.toContain(untouched);
    ks.db(0).setValue(untouched, 'changed');
    const third = snap.next(5) as SnapshotRecord[];
    expect(third[0]?.key).toBe(untouched);
    expect(first).not.toContain(third[0]);
  });
});
