// An entry keeps a listpack hash as its packed string alone: what is read back through it is
// the same hash, writes through any view land in the entry, conversion to a table hands the
// entry a table object, and moving or copying the value between entries keeps every pair.
import { FakeClock, SeededRandom } from '@cinnabar/common';
import { describe, expect, it } from 'vitest';
import { Entry } from './entry.js';
import { Keyspace } from './keyspace.js';
import { HashValue } from './types/hash.js';

const limits = { hashMaxListpackEntries: 4, hashMaxListpackValue: 8 };

function pairs(v: unknown): string[] {
  if (!(v instanceof HashValue)) throw new Error('not a hash');
  const out: string[] = [];
  v.forEach((f, x) => out.push(f, x));
  return out;
}

function stored(...flat: string[]): Entry {
  const h = new HashValue();
  for (let i = 0; i < flat.length; i += 2) h.set(flat[i] as string, flat[i + 1] as string, limits);
  return new Entry('k', h, 5);
}

describe('Entry holding a listpack hash', () => {
  it('reads back the pairs in order, as a listpack', () => {
    const e = stored('a', '1', 'b', '2');
    expect(pairs(e.value)).toEqual(['a', '1', 'b', '2']);
    expect((e.value as HashValue).encoding()).toBe('listpack');
  });

  it('keeps the writes made through the value object it was stored from', () => {
    const h = new HashValue();
    const e = new Entry('k', h, 5);
    expect(h.set('f', 'v', limits)).toBe(true);
    expect(h.set('g', 'w', limits)).toBe(true);
    expect(pairs(e.value)).toEqual(['f', 'v', 'g', 'w']);
  });

  it('sees writes made through one view from another view of the same entry', () => {
    const e = stored('a', '1');
    const first = e.value as HashValue;
    // Reading another entry's hash makes the next read of `e` a fresh view.
    const other = new Entry('other', new HashValue('\x01x\x01y'), 1);
    expect(pairs(other.value)).toEqual(['x', 'y']);
    expect(first.set('b', '2', limits)).toBe(true);
    expect((e.value as HashValue).delete('a')).toBe(true);
    expect(pairs(first)).toEqual(['b', '2']);
  });

  it('holds the table object itself once a write converts the hash', () => {
    const e = stored('a', '1');
    const view = e.value as HashValue;
    view.set('long', 'more than eight bytes', limits);
    const t = e.value as HashValue;
    expect(t.encoding()).toBe('hashtable');
    expect(e.value).toBe(t);
    expect(t.get('a')).toBe('1');
    expect(t.get('long')).toBe('more than eight bytes');
    expect(view.length).toBe(2);
  });

  it('keeps its LRU stamp and visit bit while packed and after being replaced by a string', () => {
    const e = new Entry('k', new HashValue(), 0x123456, 1);
    expect(e.lru).toBe(0x123456);
    expect(e.visit).toBe(1);
    e.value = 'plain';
    expect(e.value).toBe('plain');
    expect(e.lru).toBe(0x123456);
    expect(e.visit).toBe(1);
  });

  it('stays the same hash when its own view is stored back into it', () => {
    const e = stored('a', '1');
    e.value = e.value;
    expect(pairs(e.value)).toEqual(['a', '1']);
  });

  it('gives an independent copy on clone', () => {
    const e = stored('a', '1');
    const copy = (e.value as HashValue).clone();
    (e.value as HashValue).set('a', '2', limits);
    expect(pairs(copy)).toEqual(['a', '1']);
    expect(pairs(e.value)).toEqual(['a', '2']);
  });
});

describe('Database moving a listpack hash', () => {
  function setup() {
    const ks = new Keyspace({ databases: 2, clock: new FakeClock(), random: new SeededRandom(3) });
    const db = ks.db(0);
    const h = new HashValue();
    db.add('src', h);
    h.set('f', 'v', limits);
    return { ks, db };
  }

  it('RENAME: the new key holds the pairs and later writes reach it', () => {
    const { db } = setup();
    const e = db.rename(db.lookup('src') as Entry, 'dst');
    (e.value as HashValue).set('g', 'w', limits);
    expect(db.peek('src')).toBeUndefined();
    expect(pairs(db.peek('dst')?.value)).toEqual(['f', 'v', 'g', 'w']);
  });

  it('COPY: the copy and the source change independently', () => {
    const { ks, db } = setup();
    const copy = db.copyTo(db.lookup('src') as Entry, ks.db(1), 'dst');
    (copy.value as HashValue).set('g', 'w', limits);
    expect(pairs(db.peek('src')?.value)).toEqual(['f', 'v']);
    expect(pairs(ks.db(1).peek('dst')?.value)).toEqual(['f', 'v', 'g', 'w']);
  });

  it('MOVE: the other database holds the pairs', () => {
    const { ks, db } = setup();
    db.moveTo(db.lookup('src') as Entry, ks.db(1));
    expect(db.peek('src')).toBeUndefined();
    expect(pairs(ks.db(1).peek('src')?.value)).toEqual(['f', 'v']);
  });
});
