// The whole keyspace: the numbered databases, their shared context, and the
// database-wide operations (FLUSHALL, SWAPDB, the active expire cycle).

import { type Clock, type Random, RedisError } from '@cinnabar/common';
import { Database } from './database.js';
import { KeyspaceSnapshot } from './snapshot.js';
import { EncodingLimits } from './encoding-limits.js';
import { type KeyspaceObserver, nullObserver } from './events.js';
import type { LfuSettings } from './lfu.js';
import type { KeyspaceContext, KeyspaceStats } from './keyspace-context.js';

export interface KeyspaceOptions {
  databases: number;
  clock: Clock;
  random: Random;
}

/** Keys looked at per database per active-expire step, as Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP. */
const KEYS_PER_LOOP = 20;

export class Keyspace implements KeyspaceContext {
  readonly dbs: Database[];
  readonly clock: Clock;
  readonly random: Random;
  /** Encoding thresholds every value type consults. */
  readonly limits = new EncodingLimits();
  observer: KeyspaceObserver = nullObserver;
  readonly stats: KeyspaceStats = {
    keyspaceHits: 0, keyspaceMisses: 0, expiredKeys: 0, expiredStalePerc: 0,
    expiredTimeCapReachedCount: 0, evictedKeys: 0, dirty: 0,
  };
  touchEnabled = true;
  lruClock = 0;
  activeExpireEnabled = true;
  replica = false;
  private expireDb = 0;
  snapshot: KeyspaceSnapshot | null = null;
  /** True while a dataset loads (AOF replay): nothing expires until loading ends, as in Redis. */
  loading = false;
  visitBit = 0;

  constructor(opts: KeyspaceOptions) {
    this.clock = opts.clock;
    this.random = opts.random;
    this.dbs = Array.from({ length: opts.databases }, (_, i) => new Database(i, this));
    this.updateLruClock();
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Set by the app: true while clients are paused, when Redis deletes no expired key. */
  expiryHeld: () => boolean = () => false;

  isReplica(): boolean {
    return this.replica;
  }

  updateLruClock(): void {
    this.lruClock = Math.floor(this.clock.nowMs() / 1000) & 0xffffff;
  }

  /** Seconds since the entry's last access, on the 24-bit LRU clock. */
  idleSeconds(lru: number): number {
    const now = this.lruClock;
    return now >= lru ? now - lru : now + 0x1000000 - lru;
  }

  /**
   * Switch access tracking between LRU (null) and LFU with the given lfu-log-factor and
   * lfu-decay-time; the app calls this when maxmemory-policy or those settings change.
   */
  setLfu(settings: LfuSettings | null): void {
    for (const db of this.dbs) db.lfu = settings;
  }

  db(index: number): Database {
    const db = this.dbs[index];
    if (db === undefined) throw new RedisError('ERR DB index is out of range');
    return db;
  }

  flushDb(index: number): number {
    this.observer.dbFlushing(index);
    const n = this.db(index).clear();
    this.stats.dirty += n;
    return n;
  }

  flushAll(): number {
    this.observer.dbFlushing(-1);
    let n = 0;
    for (const db of this.dbs) n += db.clear();
    this.stats.dirty += n;
    return n;
  }

  /**
   * Begin a point-in-time snapshot (one at a time). From now on every existing entry reads as
   * not visited and new entries as visited; see snapshot.ts.
   */
  beginSnapshot(): KeyspaceSnapshot {
    if (this.snapshot !== null) throw new Error('a snapshot is already running');
    this.visitBit ^= 1;
    const sections = this.dbs.filter((db) => db.size > 0).map((db) => db.snapshotSection());
    const snap = new KeyspaceSnapshot(sections, this.visitBit, (s) => {
      if (this.snapshot === s) this.snapshot = null;
    });
    this.snapshot = snap;
    return snap;
  }

  swap(a: number, b: number): void {
    const da = this.db(a);
    const dbB = this.db(b);
    if (a !== b) {
      da.swapContents(dbB);
      this.observer.dbSwapped(a, b);
    }
    this.stats.dirty++;
  }

  totalKeys(): number {
    let n = 0;
    for (const db of this.dbs) n += db.size;
    return n;
  }

  /**
   * The active expire cycle: visit databases round-robin, removing expired keys, until
   * the time budget is spent or a pass finds few expired keys (Redis's "stale" ratio).
   */
  activeExpireCycle(budgetMs: number): void {
    if (!this.activeExpireEnabled || this.replica || this.loading || this.expiryHeld()) return;
    const start = this.clock.monotonicMs();
    for (let n = 0; n < this.dbs.length; n++) {
      const db = this.dbs[this.expireDb] as Database;
      this.expireDb = (this.expireDb + 1) % this.dbs.length;
      for (;;) {
        const [looked, expired] = db.activeExpire(KEYS_PER_LOOP);
        if (looked === 0 || expired * 10 <= looked) break;
        if (this.clock.monotonicMs() - start > budgetMs) {
          this.stats.expiredTimeCapReachedCount++;
          return;
        }
      }
    }
  }
}
