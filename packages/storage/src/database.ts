// One of the numbered databases: the key → entry dictionary, lazy expiry on lookup,
// the volatile-key set the active expire cycle walks, and the scan index.
// Type-specific operations live in types/; they reach entries only through this class.

import { WrongTypeError } from '@cinnabar/common';
import { Entry } from './entry.js';
import { LFU_INIT_VAL, lfuDecayed, type LfuSettings, lfuMinutes, lfuTouched } from './lfu.js';
import { EventClass } from './events.js';
import type { KeyspaceContext } from './keyspace-context.js';
import { ScanIndex } from './scan-index.js';
import { StringOps } from './types/strings.js';
import type { Value } from './value.js';

export class Database {
  private dict = new Map<string, Entry>();
  private index = new ScanIndex();
  /** Entries with a TTL, in the order the active expire cycle visits them. */
  private volatile = new Set<Entry>();
  private expireCursor: Iterator<Entry> | null = null;
  /** Set while an LFU maxmemory policy is active: entries' lru fields hold LFU stamps. */
  lfu: LfuSettings | null = null;
  readonly strings: StringOps = new StringOps(this);

  constructor(
    public id: number,
    private readonly ctx: KeyspaceContext,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  get expiresCount(): number {
    return this.volatile.size;
  }

  /** The entry if present, without expiring or touching it (introspection only). */
  peek(key: string): Entry | undefined {
    return this.dict.get(key);
  }

  /** A replica never deletes keys itself: it waits for the primary's DEL. */
  isReplica(): boolean {
    return this.ctx.isReplica();
  }

  /** True when the entry's TTL has passed. */
  isExpired(e: Entry): boolean {
    return e.expiresAt !== 0 && e.expiresAt <= this.ctx.nowMs();
  }

  /**
   * Find a live key: an expired one is deleted first (lazy expiry), a found one has its
   * access clock updated unless touching is suspended or `touch` is false.
   */
  lookup(key: string, touch = true): Entry | undefined {
    const e = this.dict.get(key);
    if (e === undefined) return undefined;
    if (e.expiresAt !== 0 && this.expireIfNeeded(e)) return undefined;
    if (touch && this.ctx.touchEnabled) this.touch(e);
    return e;
  }

  /** Record an access: the LRU clock, or under LFU a decayed and incremented counter. */
  private touch(e: Entry): void {
    if (this.lfu === null) e.lru = this.ctx.lruClock;
    else e.lru = lfuTouched(e.lru, this.lfu, this.ctx.nowMs(), () => this.ctx.random.next());
  }

  /** The access stamp of a new entry. */
  private freshStamp(): number {
    return this.lfu === null ? this.ctx.lruClock : (lfuMinutes(this.ctx.nowMs()) << 8) | LFU_INIT_VAL;
  }

  /** OBJECT FREQ: the entry's LFU counter after decay (meaningful only under LFU). */
  accessFrequency(e: Entry): number {
    return lfuDecayed(e.lru, this.lfu ?? { logFactor: 10, decayTime: 1 }, this.ctx.nowMs());
  }

  /**
   * lookup() for a read: counts hits and misses and emits the key-miss event.
   * `touch` false is Redis's LOOKUP_NOTOUCH (TTL, TYPE, EXISTS, OBJECT); `notifyMiss`
   * false is LOOKUP_NONOTIFY (OBJECT).
   */
  lookupRead(key: string, touch = true, notifyMiss = true): Entry | undefined {
    const e = this.lookup(key, touch);
    if (e === undefined) {
      this.ctx.stats.keyspaceMisses++;
      if (notifyMiss) this.ctx.observer.event(EventClass.keyMiss, 'keymiss', key, this.id);
    } else {
      this.ctx.stats.keyspaceHits++;
    }
    return e;
  }

  /** Expire the entry if its TTL passed. Returns true when it was removed. */
  private expireIfNeeded(e: Entry): boolean {
    if (e.expiresAt > this.ctx.nowMs()) return false;
    if (this.ctx.isReplica()) return true; // a replica waits for the primary's DEL, reads see nothing
    this.deleteExpired(e);
    return true;
  }

  private deleteExpired(e: Entry): void {
    this.remove(e);
    this.ctx.stats.expiredKeys++;
    this.ctx.observer.event(EventClass.expired, 'expired', e.key, this.id);
    this.ctx.observer.keyExpired(this.id, e.key);
  }

  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  /** Add a new key. The caller has checked it is absent. */
  add(key: string, value: Value, expiresAt = 0): Entry {
    const e = new Entry(key, value, expiresAt, this.freshStamp(), 0);
    this.dict.set(key, e);
    this.index.add(e);
    if (expiresAt !== 0) this.volatile.add(e);
    this.ctx.observer.event(EventClass.newKey, 'new', key, this.id);
    return e;
  }

  /** Record a write: dirty counter, WATCH, and the keyspace event. */
  changed(key: string, cls: number, event: string): void {
    this.ctx.stats.dirty++;
    this.ctx.observer.keyModified(this.id, key);
    this.ctx.observer.event(cls, event, key, this.id);
  }

  /** WATCH/tracking signal for a key that a write touched, without counting another write. */
  signal(key: string): void {
    this.ctx.observer.keyModified(this.id, key);
  }

  /** A keyspace event without a modification of its own (follow-up events such as "expire"). */
  notify(key: string, cls: number, event: string): void {
    this.ctx.observer.event(cls, event, key, this.id);
  }

  /** Set a key's value, creating it if needed. keepTtl false clears any TTL (as SET does). */
  setValue(key: string, value: Value, keepTtl = false): Entry {
    const e = this.lookup(key);
    if (e === undefined) return this.add(key, value);
    e.value = value;
    if (!keepTtl && e.expiresAt !== 0) this.setExpiry(e, 0);
    return e;
  }

  setExpiry(e: Entry, atMs: number): void {
    if (atMs === 0) this.volatile.delete(e);
    else if (e.expiresAt === 0) this.volatile.add(e);
    e.expiresAt = atMs;
  }

  /** Delete a key if present (expired keys count as absent). */
  delete(key: string): boolean {
    const e = this.lookup(key);
    if (e === undefined) return false;
    this.remove(e);
    return true;
  }

  /** Remove a looked-up entry. */
  remove(e: Entry): void {
    this.dict.delete(e.key);
    this.index.remove(e);
    if (e.expiresAt !== 0) this.volatile.delete(e);
  }

  /** The string value of a key, null when absent; WRONGTYPE for other types. */
  getString(key: string): string | null {
    const e = this.lookupRead(key);
    if (e === undefined) return null;
    if (typeof e.value !== 'string') throw new WrongTypeError();
    return e.value;
  }

  clear(): number {
    const n = this.dict.size;
    this.dict = new Map();
    this.index.clear();
    this.volatile = new Set();
    this.expireCursor = null;
    return n;
  }

  /** Move all contents from another database object into this one (SWAPDB). */
  swapContents(other: Database): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.index, other.index] = [other.index, this.index];
    [this.volatile, other.volatile] = [other.volatile, this.volatile];
    this.expireCursor = null;
    other.expireCursor = null;
  }

  /**
   * One SCAN step: the entries in up to `count` index slots from the cursor that pass
   * `match`, minus those whose TTL has passed (those are expired, as Redis does for the keys
   * it is about to return). Returns the next cursor, 0 when the walk is complete.
   */
  scan(cursor: number, count: number, visit: (e: Entry) => void, match?: (key: string) => boolean): number {
    const batch: Entry[] = [];
    const next = this.index.scan(cursor, count, batch);
    for (const e of batch) {
      if (match !== undefined && !match(e.key)) continue;
      if (e.expiresAt !== 0 && this.dict.get(e.key) === e && this.expireIfNeeded(e)) continue;
      visit(e);
    }
    return next;
  }

  /**
   * RANDOMKEY: a uniformly chosen live entry. Expired picks are deleted and the draw
   * repeated; a replica cannot delete, so when every key is volatile it gives up after
   * 100 expired draws and answers one of them, as Redis does.
   */
  randomEntry(): Entry | undefined {
    const allVolatile = this.volatile.size === this.dict.size;
    let tries = 100;
    for (;;) {
      const e = this.index.random((n) => this.ctx.random.int(n));
      if (e === undefined) return undefined;
      if (e.expiresAt === 0 || !this.isExpired(e)) return e;
      if (this.ctx.isReplica()) {
        if (allVolatile && --tries === 0) return e;
        continue;
      }
      this.deleteExpired(e);
    }
  }

  /** RENAME: give a looked-up entry a new name, replacing any dstKey; the TTL travels. */
  rename(src: Entry, dstKey: string): Entry {
    const old = this.dict.get(dstKey);
    if (old !== undefined) this.remove(old);
    const e = this.add(dstKey, src.value, src.expiresAt);
    e.rawString = src.rawString;
    e.unshared = src.unshared;
    this.remove(src);
    return e;
  }

  /** MOVE: put a looked-up entry into another database (where its key is absent). */
  moveTo(src: Entry, dst: Database): Entry {
    const e = dst.add(src.key, src.value, src.expiresAt);
    e.rawString = src.rawString;
    e.unshared = src.unshared;
    this.remove(src);
    return e;
  }

  /** COPY: a deep copy of a looked-up entry under dstKey in dst, replacing any key there. */
  copyTo(src: Entry, dst: Database, dstKey: string): Entry {
    const old = dst.dict.get(dstKey);
    if (old !== undefined) dst.remove(old);
    const v = src.value;
    const e = dst.add(dstKey, typeof v === 'string' ? v : v.clone(), src.expiresAt);
    e.rawString = src.rawString;
    e.unshared = true;
    return e;
  }

  /** Every live entry, expired ones skipped but not deleted (KEYS, DEBUG DIGEST, dumps). */
  *entries(): IterableIterator<Entry> {
    const now = this.ctx.nowMs();
    for (const e of this.index.entries()) if (e.expiresAt === 0 || e.expiresAt > now) yield e;
  }

  /**
   * One step of the active expire cycle: look at up to `budget` volatile keys from where
   * the last step stopped (at most one full pass) and delete the expired ones.
   * Returns [looked, expired].
   */
  activeExpire(budget: number): [number, number] {
    if (this.volatile.size === 0) return [0, 0];
    const now = this.ctx.nowMs();
    let looked = 0;
    let expired = 0;
    let restarted = false;
    while (looked < budget) {
      if (this.expireCursor === null) {
        if (restarted) break;
        this.expireCursor = this.volatile.values();
        restarted = true;
      }
      const next = this.expireCursor.next();
      if (next.done) {
        this.expireCursor = null;
        continue;
      }
      looked++;
      const e = next.value;
      if (e.expiresAt !== 0 && e.expiresAt <= now && this.dict.get(e.key) === e) {
        this.deleteExpired(e);
        expired++;
      }
    }
    return [looked, expired];
  }

  /** Drop scan-index tombstones now (tests; compaction otherwise happens on its own). */
  compactIndex(): void {
    this.index.compact();
  }

  /** Index slots held, tombstones included. */
  get indexCapacity(): number {
    return this.index.capacity;
  }
}
