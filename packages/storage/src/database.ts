// One of the numbered databases: the key → entry dictionary, lazy expiry on lookup,
// the volatile-key set the active expire cycle walks, and the scan index.
// Type-specific operations live in types/; they reach entries only through this class.

import { WrongTypeError } from '@cinnabar/common';
import { Entry } from './entry.js';
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

  /** True when the entry's TTL has passed. */
  isExpired(e: Entry): boolean {
    return e.expiresAt !== 0 && e.expiresAt <= this.ctx.nowMs();
  }

  /**
   * Find a live key: an expired one is deleted first (lazy expiry), a found one has its
   * access clock updated unless touching is suspended.
   */
  lookup(key: string): Entry | undefined {
    const e = this.dict.get(key);
    if (e === undefined) return undefined;
    if (e.expiresAt !== 0 && this.expireIfNeeded(e)) return undefined;
    if (this.ctx.touchEnabled) e.lru = this.ctx.lruClock;
    return e;
  }

  /** lookup() for a read: counts hits and misses and emits the key-miss event. */
  lookupRead(key: string): Entry | undefined {
    const e = this.lookup(key);
    if (e === undefined) {
      this.ctx.stats.keyspaceMisses++;
      this.ctx.observer.event(EventClass.keyMiss, 'keymiss', key, this.id);
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
    const e = new Entry(key, value, expiresAt, this.ctx.lruClock, 0);
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

  /** SCAN step over live keys; expired keys met on the way are expired, not returned. */
  scan(cursor: number, count: number, visit: (e: Entry) => void): number {
    return this.index.scan(cursor, count, (e) => {
      if (e.expiresAt !== 0 && this.expireIfNeeded(e)) return;
      visit(e);
    });
  }

  randomEntry(): Entry | undefined {
    // Bounded retries: a database of only expired keys answers nothing, as Redis does.
    for (let tries = 0; tries < 100; tries++) {
      const e = this.index.random((n) => this.ctx.random.int(n));
      if (e === undefined) return undefined;
      if (e.expiresAt === 0 || !this.isExpired(e)) return e;
      if (this.ctx.isReplica()) return e;
      this.deleteExpired(e);
    }
    return undefined;
  }

  /** Every live entry, expired ones skipped but not deleted (KEYS, DEBUG DIGEST, dumps). */
  *entries(): IterableIterator<Entry> {
    const now = this.ctx.nowMs();
    for (const e of this.index.entries()) if (e.expiresAt === 0 || e.expiresAt > now) yield e;
  }

  /**
   * One step of the active expire cycle: look at up to `budget` volatile keys from where
   * the last step stopped and delete the expired ones. Returns [looked, expired].
   */
  activeExpire(budget: number): [number, number] {
    if (this.volatile.size === 0) return [0, 0];
    const now = this.ctx.nowMs();
    let looked = 0;
    let expired = 0;
    while (looked < budget) {
      if (this.expireCursor === null) this.expireCursor = this.volatile.values();
      const next = this.expireCursor.next();
      if (next.done) {
        this.expireCursor = null;
        if (looked === 0 || this.volatile.size === 0) break;
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
}
