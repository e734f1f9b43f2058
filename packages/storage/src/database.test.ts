// A database's storage rules: lazy expiry on lookup (alive at its expiry millisecond, gone
// after it, as Redis's now > when), the active expire cycle, SCAN cursors that survive
// deletions and rehashing, and the rename/move/copy helpers keeping TTLs and values.
import { FakeClock, SeededRandom } from '@cinnabar/common';
import { describe, expect, it } from 'vitest';
import type { KeyspaceObserver } from './events.js';
import { Keyspace } from './keyspace.js';
import type { AggregateValue } from './value.js';

function setup() {
  const clock = new FakeClock();
  const ks = new Keyspace({ databases: 4, clock, random: new SeededRandom(7) });
  const events: string[] = [];
  const expired: string[] = [];
  const observer: KeyspaceObserver = {
    keyModified: () => undefined,
    keyExpired: (db, key) => expired.push(`${db}:${key}`),
    keyEvicted: () => undefined,
    event: (_cls, event, key, db) => events.push(`${event} ${db}:${key}`),
    dbFlushing: () => undefined,
    dbSwapped: () => undefined,
  };
  ks.observer = observer;
  return { clock, ks, db: ks.db(0), events, expired };
}

class FakeList implements AggregateValue {
  readonly typeName = 'list';
  constructor(readonly items: string[]) {}
  encoding(): string {
    return 'listpack';
  }
  clone(): FakeList {
    return new FakeList([...this.items]);
  }
}

describe('lazy expiry', () => {
  it('keeps a key until its TTL passes, then deletes it on lookup with an expired event', () => {
    const { clock, ks, db, events, expired } = setup();
    db.add('k', 'v', clock.nowMs() + 100);
    clock.advance(99);
    expect(db.lookup('k')?.value).toBe('v');
    clock.advance(1);
    expect(db.lookup('k')?.value).toBe('v');
    expect(events).toEqual(['new 0:k']);
    clock.advance(1);
    expect(db.lookup('k')).toBeUndefined();
    expect(db.peek('k')).toBeUndefined();
    expect(db.expiresCount).toBe(0);
    expect(ks.stats.expiredKeys).toBe(1);
    expect(events).toEqual(['new 0:k', 'expired 0:k']);
    expect(expired).toEqual(['0:k']);
  });

  it('on a replica hides an expired key without deleting it', () => {
    const { clock, ks, db } = setup();
    ks.replica = true;
    db.add('k', 'v', clock.nowMs() + 10);
    clock.advance(10);
    expect(db.lookup('k')?.value).toBe('v');
    clock.advance(1);
    expect(db.lookup('k')).toBeUndefined();
    expect(db.peek('k')?.value).toBe('v');
    expect(db.size).toBe(1);
  });

  it('counts hits and misses only for read lookups, and notifies misses unless asked not to', () => {
    const { ks, db, events } = setup();
    db.add('k', 'v');
    db.lookupRead('k');
    db.lookupRead('nokey');
    db.lookupRead('nokey2', true, false);
    db.lookup('nokey3');
    expect([ks.stats.keyspaceHits, ks.stats.keyspaceMisses]).toEqual([1, 2]);
    expect(events).toEqual(['new 0:k', 'keymiss 0:nokey']);
  });

  it('touches the access clock only when asked to', () => {
    const { clock, ks, db } = setup();
    const e = db.add('k', 'v');
    clock.advance(5000);
    ks.updateLruClock();
    db.lookup('k', false);
    expect(ks.idleSeconds(e.lru)).toBe(5);
    db.lookup('k');
    expect(ks.idleSeconds(e.lru)).toBe(0);
  });
});

describe('active expire cycle', () => {
  it('removes expired keys without any lookup and keeps the rest', () => {
    const { clock, ks, db, expired } = setup();
    for (let i = 0; i < 500; i++) db.add(`gone${i}`, 'v', clock.nowMs() + 10);
    for (let i = 0; i < 500; i++) db.add(`later${i}`, 'v', clock.nowMs() + 60_000);
    for (let i = 0; i < 500; i++) db.add(`plain${i}`, 'v');
    clock.advance(11);
    ks.activeExpireCycle(25);
    expect(db.size).toBe(1000);
    expect(db.expiresCount).toBe(500);
    expect(expired.length).toBe(500);
    expect(ks.stats.expiredKeys).toBe(500);
  });

  it('visits every database', () => {
    const { clock, ks } = setup();
    for (const db of ks.dbs) db.add('k', 'v', clock.nowMs() + 1);
    clock.advance(1);
    ks.activeExpireCycle(25);
    expect(ks.totalKeys()).toBe(4);
    clock.advance(1);
    ks.activeExpireCycle(25);
    expect(ks.totalKeys()).toBe(0);
  });

  it('does nothing while disabled or on a replica', () => {
    const { clock, ks, db } = setup();
    db.add('k', 'v', clock.nowMs() + 1);
    clock.advance(2);
    ks.activeExpireEnabled = false;
    ks.activeExpireCycle(25);
    expect(db.size).toBe(1);
    ks.activeExpireEnabled = true;
    ks.replica = true;
    ks.activeExpireCycle(25);
    expect(db.size).toBe(1);
    ks.replica = false;
    ks.activeExpireCycle(25);
    expect(db.size).toBe(0);
  });

  it('leaves a key at its expiry millisecond and removes it one millisecond later', () => {
    const { clock, db, expired } = setup();
    for (let i = 0; i < 3; i++) db.add(`k${i}`, 'v', clock.nowMs() + 10);
    clock.advance(10);
    expect(db.activeExpire(20)).toEqual([3, 0]);
    clock.advance(1);
    expect(db.activeExpire(20)).toEqual([3, 3]);
    expect([db.size, expired]).toEqual([0, ['0:k0', '0:k1', '0:k2']]);
  });

  it('looks at no more than one pass of the volatile keys per step', () => {
    const { clock, db } = setup();
    for (let i = 0; i < 3; i++) db.add(`k${i}`, 'v', clock.nowMs() + 60_000);
    expect(db.activeExpire(20)).toEqual([3, 0]);
  });
});

describe('scan cursors', () => {
  it('keep a walk valid while the map shrinks and rehashes: the rest is the surviving keys, once each', () => {
    const { db } = setup();
    for (let i = 0; i < 4000; i++) db.add(`k${i}`, 'v');
    const first: string[] = [];
    const cursor = db.scan(0, 1000, (e) => first.push(e.key));
    expect(first.length).toBe(1000);
    // Delete every other key on both sides of the cursor: enough for the map to shrink.
    for (let i = 0; i < 4000; i += 2) db.delete(`k${i}`);
    for (let i = 0; i < 3000; i += 3) db.delete(`k${i}`);
    const rest: string[] = [];
    let c = cursor;
    do c = db.scan(c, 97, (e) => rest.push(e.key));
    while (c !== 0);
    const expected: string[] = [];
    for (let i = 1000; i < 4000; i++) if (i % 2 !== 0 && (i >= 3000 || i % 3 !== 0)) expected.push(`k${i}`);
    expect(rest).toEqual(expected);
  });

  it('returns keys added during the walk after the cursor, and a re-added key once', () => {
    const { db } = setup();
    db.add('a', '1');
    db.add('b', '1');
    const seen: string[] = [];
    let c = db.scan(0, 1, (e) => seen.push(e.key));
    db.delete('a');
    db.add('a', '2');
    db.add('c', '1');
    do c = db.scan(c, 1, (e) => seen.push(e.key));
    while (c !== 0);
    expect(seen).toEqual(['a', 'b', 'a', 'c']);
  });

  it('applies the match before expiring, so only matching expired keys are deleted', () => {
    const { clock, db } = setup();
    db.add('x1', 'v', clock.nowMs() + 1);
    db.add('y1', 'v', clock.nowMs() + 1);
    db.add('x2', 'v');
    clock.advance(1);
    const seen: string[] = [];
    expect(db.scan(0, 10, (e) => seen.push(e.key), (k) => k.startsWith('x'))).toBe(0);
    expect([seen, db.size]).toEqual([['x1', 'x2'], 3]);
    clock.advance(1);
    seen.length = 0;
    expect(db.scan(0, 10, (e) => seen.push(e.key), (k) => k.startsWith('x'))).toBe(0);
    expect(seen).toEqual(['x2']);
    expect(db.peek('x1')).toBeUndefined();
    expect(db.peek('y1')?.key).toBe('y1');
  });
});

describe('random entry', () => {
  it('deletes expired draws and finds the live key', () => {
    const { clock, db, expired } = setup();
    for (let i = 0; i < 200; i++) db.add(`e${i}`, 'v', clock.nowMs() + 1);
    db.add('live', 'v');
    clock.advance(2);
    expect(db.randomEntry()?.key).toBe('live');
    expect(expired.length).toBeGreaterThan(0);
    expect(db.size).toBe(201 - expired.length);
  });

  it('on a replica whose keys are all expired gives up with one of them', () => {
    const { clock, ks, db } = setup();
    ks.replica = true;
    for (let i = 0; i < 5; i++) db.add(`e${i}`, 'v', clock.nowMs() + 1);
    clock.advance(2);
    expect(db.randomEntry()?.key).toMatch(/^e[0-4]$/);
    expect(db.size).toBe(5);
  });
});

describe('rename, move and copy', () => {
  it('rename carries the value, TTL and string facts, replacing the destination', () => {
    const { clock, db, events } = setup();
    const src = db.add('a', '123', clock.nowMs() + 500);
    src.rawString = true;
    db.add('b', 'old');
    const e = db.rename(src, 'b');
    expect([e.key, e.value, db.expireAt(e), e.rawString]).toEqual(['b', '123', clock.nowMs() + 500, true]);
    expect([db.size, db.expiresCount, db.peek('a')]).toEqual([1, 1, undefined]);
    expect(events).toEqual(['new 0:a', 'new 0:b', 'new 0:b']);
  });

  it('moveTo puts the entry with its TTL into another database', () => {
    const { clock, ks, db } = setup();
    db.add('k', 'v', clock.nowMs() + 500);
    db.moveTo(db.peek('k')!, ks.db(2));
    expect(db.size).toBe(0);
    expect([ks.db(2).peek('k')?.value, ks.db(2).expireAt(ks.db(2).peek('k')!), ks.db(2).expiresCount]).toEqual(['v', clock.nowMs() + 500, 1]);
  });

  it('copyTo deep-copies aggregates and marks the copy unshared', () => {
    const { clock, ks, db } = setup();
    const list = new FakeList(['a']);
    db.add('l', list, clock.nowMs() + 500);
    const copy = db.copyTo(db.peek('l')!, ks.db(1), 'l2');
    (copy.value as FakeList).items.push('b');
    expect(list.items).toEqual(['a']);
    expect([ks.db(1).expireAt(copy), copy.unshared]).toEqual([clock.nowMs() + 500, true]);
    const s = db.copyTo(db.add('s', '7'), db, 's2');
    expect([s.value, s.unshared, db.peek('s')?.unshared]).toEqual(['7', true, false]);
  });

  it('writing a new value clears the string facts', () => {
    const { db } = setup();
    const e = db.add('k', '1');
    e.rawString = true;
    e.unshared = true;
    e.value = '2';
    expect([e.rawString, e.unshared]).toEqual([false, false]);
  });
});

describe('LFU stamps', () => {
  it('start at 5, grow on access and decay per idle period', () => {
    const { clock, ks, db } = setup();
    ks.setLfu({ logFactor: 10, decayTime: 2 });
    const e = db.add('k', 'v');
    expect(db.accessFrequency(e)).toBe(5);
    db.lookup('k');
    expect(db.accessFrequency(e)).toBe(6);
    clock.advance(4 * 60_000);
    expect(db.accessFrequency(e)).toBe(4);
  });
});
