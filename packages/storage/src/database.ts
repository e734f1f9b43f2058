// One of the numbered databases: the key → entry dictionary, the expires dictionary (key →
// unix ms, as Redis keeps it), lazy expiry on lookup, the active expire walk, SCAN cursors.
// Type-specific operations live in types/; they reach entries only through this class.

import { WrongTypeError } from '@cinnabar/common';
import { Entry } from './entry.js';
import { LFU_INIT_VAL, lfuDecayed, type LfuSettings, lfuMinutes, lfuTouched } from './lfu.js';
import { EventClass } from './events.js';
import type { KeyspaceContext } from './keyspace-context.js';
import { ScanCursors } from './scan-cursors.js';
import type { SnapshotSection } from './snapshot.js';
import { StringOps } from './types/strings.js';
import type { Value } from './value.js';

export class Database {
  private dict = new Map<string, Entry>();
  /** Keys with a TTL → absolute expiry in unix ms. */
  private expires = new Map<string, number>();
  private expireCursor: Iterator<[string, number]> | null = null;
  private randomCursor: Iterator<Entry> | null = null;
  private volatileCursor: Iterator<string> | null = null;
  private readonly cursors = new ScanCursors<string, Entry>();
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
    return this.expires.size;
  }

  /** The entry if present, without expiring or touching it (introspection only). */
  peek(key: string): Entry | undefined {
    return this.dict.get(key);
  }

  /** A replica never deletes keys itself: it waits for the primary's DEL. */
  isReplica(): boolean {
    return this.ctx.isReplica();
  }

  /**
   * A TTL already in the past is kept rather than deleting the key at once (EXPIRE, RESTORE):
   * on a replica (the primary sends the DEL) and while loading (Redis's checkAlreadyExpired).
   */
  keepsPastTtl(): boolean {
    return this.ctx.isReplica() || this.ctx.loading;
  }

  /** The entry's absolute expiry in unix ms, 0 when it has no TTL. */
  expireAt(e: Entry): number {
    return this.expires.size === 0 ? 0 : (this.expires.get(e.key) ?? 0);
  }

  /** True when the entry's TTL has passed (Redis: expired once now > when). */
  isExpired(e: Entry): boolean {
    const at = this.expireAt(e);
    return at !== 0 && at < this.ctx.nowMs() && !this.ctx.loading;
  }

  /**
   * Find a live key: an expired one is deleted first (lazy expiry), a found one has its
   * access clock updated unless touching is suspended or `touch` is false.
   */
  lookup(key: string, touch = true): Entry | undefined {
    const e = this.find(key, touch);
    // A lookup may precede a write: a running snapshot keeps the state of a key it has not
    // written yet before any change (reads use lookupRead, which does not).
    if (e !== undefined) {
      const snap = this.ctx.snapshot;
      if (snap !== null && e.visit !== snap.visitBit) snap.capture(this.dict, e);
    }
    return e;
  }

  private find(key: string, touch: boolean): Entry | undefined {
    const e = this.dict.get(key);
    if (e === undefined) return undefined;
    if (this.expires.size !== 0 && this.expireIfNeeded(e)) return undefined;
    if (touch && this.ctx.touchEnabled) this.touch(e);
    return e;
  }

  /** The snapshot hook for writes that reach an entry without lookup() (peek, then change). */
  private beforeChange(e: Entry): void {
    const snap = this.ctx.snapshot;
    if (snap !== null && e.visit !== snap.visitBit) snap.capture(this.dict, e);
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

  /**
   * Set an entry's access stamp from a saved LFU counter or idle time, as RDB loading and
   * RESTORE do: the counter under an LFU policy, the idle time otherwise; null keeps the stamp.
   */
  setAccess(e: Entry, idleSeconds: number | null, freq: number | null): void {
    if (this.lfu !== null) {
      if (freq !== null) e.lru = (lfuMinutes(this.ctx.nowMs()) << 8) | (freq & 0xff);
    } else if (idleSeconds !== null) {
      e.lru = (this.ctx.lruClock - Math.min(idleSeconds, 0xffffff)) & 0xffffff;
    }
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
    const e = this.find(key, touch);
    if (e === undefined) {
      this.ctx.stats.keyspaceMisses++;
      if (notifyMiss) this.ctx.observer.event(EventClass.keyMiss, 'keymiss', key, this.id);
    } else {
      this.ctx.stats.keyspaceHits++;
    }
    return e;
  }

  /** Expire the entry if its TTL passed. Returns true when it is (logically) gone. */
  private expireIfNeeded(e: Entry): boolean {
    const at = this.expires.get(e.key);
    if (at === undefined || at >= this.ctx.nowMs() || this.ctx.loading) return false;
    // A replica waits for the primary's DEL, and nothing is deleted while clients are paused:
    // either way the key reads as absent but stays.
    if (this.ctx.isReplica() || this.ctx.expiryHeld()) return true;
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
    const e = new Entry(key, value, this.freshStamp(), this.ctx.visitBit);
    this.dict.set(key, e);
    if (expiresAt !== 0) this.expires.set(key, expiresAt);
    this.ctx.observer.event(EventClass.newKey, 'new', key, this.id);
    return e;
  }

  /** Record a write: dirty counter (one per changed element), WATCH, and the keyspace event. */
  changed(key: string, cls: number, event: string, dirty = 1): void {
    this.ctx.stats.dirty += dirty;
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
    return this.overwrite(e, value, keepTtl);
  }

  /** setValue for an entry just found by lookup(): replace its value, dropping its TTL unless kept. */
  overwrite(e: Entry, value: Value, keepTtl = false): Entry {
    e.value = value;
    if (!keepTtl && this.expires.size !== 0) this.expires.delete(e.key);
    return e;
  }

  /** Give a key a TTL (absolute unix ms), or remove it with 0. */
  setExpiry(e: Entry, atMs: number): void {
    this.beforeChange(e);
    if (atMs === 0) this.expires.delete(e.key);
    else this.expires.set(e.key, atMs);
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
    this.beforeChange(e);
    this.dict.delete(e.key);
    if (this.expires.size !== 0) this.expires.delete(e.key);
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
    this.expires = new Map();
    this.expireCursor = null;
    this.randomCursor = null;
    this.volatileCursor = null;
    return n;
  }

  /** Exchange all contents with another database (SWAPDB). */
  /** This database's dictionaries as a snapshot section (see snapshot.ts). */
  snapshotSection(): SnapshotSection {
    return { db: this.id, dict: this.dict, expires: this.expires, keys: this.dict.size, volatile: this.expires.size };
  }

  /** Mark an entry reached through peek() as about to change (snapshot copy-before-write). */
  willChange(e: Entry): void {
    this.beforeChange(e);
  }

  swapContents(other: Database): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.expires, other.expires] = [other.expires, this.expires];
    for (const db of [this, other]) {
      db.expireCursor = null;
      db.randomCursor = null;
      db.volatileCursor = null;
    }
  }

  /**
   * One SCAN step: up to `count` entries from the cursor that pass `match`, minus those
   * whose TTL has passed (expired, as Redis does for keys it is about to return). The batch
   * is collected before anything is expired so expiry cannot disturb the walk.
   * Returns the next cursor, 0 when the walk is complete.
   */
  scan(cursor: number, count: number, visit: (e: Entry) => void, match?: (key: string) => boolean): number {
    const batch: Entry[] = [];
    const next = this.cursors.step(this.dict, cursor, count, (key, e) => {
      if (match === undefined || match(key)) batch.push(e);
    });
    for (const e of batch) {
      if (this.expires.size !== 0 && this.dict.get(e.key) === e && this.expireIfNeeded(e)) continue;
      visit(e);
    }
    return next;
  }

  /**
   * RANDOMKEY (and eviction sampling): a live entry chosen by advancing a persistent walk
   * over the dictionary by a random stride, so every key is reachable in O(1) amortised
   * without an index of its own. Expired picks are deleted and the draw repeated; a replica
   * cannot delete, so when every key is volatile it gives up after 100 expired draws and
   * answers one of them, as Redis does.
   */
  randomEntry(): Entry | undefined {
    const allVolatile = this.expires.size === this.dict.size;
    let tries = 100;
    for (;;) {
      const e = this.nextRandom();
      if (e === undefined) return undefined;
      if (!this.isExpired(e)) return e;
      if (this.ctx.isReplica()) {
        if (allVolatile && --tries === 0) return e;
        continue;
      }
      this.deleteExpired(e);
    }
  }

  private nextRandom(): Entry | undefined {
    if (this.dict.size === 0) return undefined;
    let stride = 1 + this.ctx.random.int(Math.min(this.dict.size, 16));
    let last: Entry | undefined;
    while (stride > 0) {
      this.randomCursor ??= this.dict.values();
      const r = this.randomCursor.next();
      if (r.done) {
        this.randomCursor = null;
        continue;
      }
      last = r.value;
      stride--;
    }
    return last;
  }

  /**
   * Up to `n` entries for eviction sampling, from a persistent walk over every key or, with
   * `volatileOnly`, over the keys with a TTL (Redis samples its dict or its expires dict).
   */
  sample(n: number, volatileOnly: boolean): Entry[] {
    const out: Entry[] = [];
    const size = volatileOnly ? this.expires.size : this.dict.size;
    for (let i = 0; i < Math.min(n, size); i++) {
      if (!volatileOnly) {
        const e = this.nextRandom();
        if (e !== undefined) out.push(e);
        continue;
      }
      this.volatileCursor ??= this.expires.keys();
      let r = this.volatileCursor.next();
      if (r.done) {
        this.volatileCursor = this.expires.keys();
        r = this.volatileCursor.next();
      }
      const e = r.done ? undefined : this.dict.get(r.value);
      if (e !== undefined) out.push(e);
    }
    return out;
  }

  /** Evict a key under maxmemory: gone, with the evicted event and WATCH/blocking signals. */
  evict(e: Entry): void {
    this.remove(e);
    this.ctx.stats.evictedKeys++;
    this.ctx.observer.keyModified(this.id, e.key);
    this.ctx.observer.event(EventClass.evicted, 'evicted', e.key, this.id);
    this.ctx.observer.keyEvicted(this.id, e.key);
  }

  /** RENAME: give a looked-up entry a new name, replacing any dstKey; the TTL travels. */
  rename(src: Entry, dstKey: string): Entry {
    const old = this.dict.get(dstKey);
    if (old !== undefined) this.remove(old);
    const e = this.add(dstKey, src.value, this.expireAt(src));
    e.rawString = src.rawString;
    e.unshared = src.unshared;
    this.remove(src);
    return e;
  }

  /** MOVE: put a looked-up entry into another database (where its key is absent). */
  moveTo(src: Entry, dst: Database): Entry {
    const e = dst.add(src.key, src.value, this.expireAt(src));
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
    const e = dst.add(dstKey, typeof v === 'string' ? v : v.clone(), this.expireAt(src));
    e.rawString = src.rawString;
    e.unshared = true;
    return e;
  }

  /** Every live entry, expired ones skipped but not deleted (KEYS, DEBUG DIGEST, dumps). */
  *entries(): IterableIterator<Entry> {
    const now = this.ctx.nowMs();
    const expires = this.expires;
    for (const e of this.dict.values()) {
      if (expires.size !== 0) {
        const at = expires.get(e.key);
        if (at !== undefined && at < now) continue;
      }
      yield e;
    }
  }

  /**
   * One step of the active expire cycle: look at up to `budget` volatile keys from where
   * the last step stopped (at most one full pass) and delete the expired ones.
   * Returns [looked, expired].
   */
  activeExpire(budget: number): [number, number] {
    if (this.expires.size === 0) return [0, 0];
    const now = this.ctx.nowMs();
    let looked = 0;
    let expired = 0;
    let restarted = false;
    while (looked < budget) {
      if (this.expireCursor === null) {
        if (restarted) break;
        this.expireCursor = this.expires.entries();
        restarted = true;
      }
      const next = this.expireCursor.next();
      if (next.done) {
        this.expireCursor = null;
        continue;
      }
      looked++;
      const [key, at] = next.value;
      if (at < now) {
        const e = this.dict.get(key);
        if (e !== undefined) {
          this.deleteExpired(e);
          expired++;
        }
      }
    }
    return [looked, expired];
  }

  /** SCAN walks left open by clients (introspection, tests). */
  get openScans(): number {
    return this.cursors.openWalks;
  }
}
