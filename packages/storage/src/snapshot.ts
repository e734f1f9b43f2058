// A point-in-time image of the keyspace without fork(): the databases are walked in chunks
// while commands keep running, and the first write to a key the walk has not reached yet
// first captures its old value (copy-before-write). Each entry carries one "visit" bit:
// at the start every existing entry reads as not visited, entries created during the
// snapshot are born visited, so the walk skips them and emits each original key exactly once.

import type { Entry } from './entry.js';
import { RecordPool } from './record-pool.js';
import type { Value } from './value.js';

export interface SnapshotRecord {
  readonly db: number;
  readonly key: string;
  /** Live for a not-yet-written key: serialise it before yielding to the event loop. */
  readonly value: Value;
  /** Absolute expiry in unix ms, 0 for none. */
  readonly expiresAt: number;
  /** The entry's LRU clock or LFU stamp. */
  readonly lru: number;
}

/** A database's dictionaries as they were when the snapshot began. */
export interface SnapshotSection {
  readonly db: number;
  readonly dict: Map<string, Entry>;
  readonly expires: Map<string, number>;
  /** Keys and keys with a TTL at the start (RDB's RESIZEDB). */
  readonly keys: number;
  readonly volatile: number;
}

/** What the databases need from the running snapshot (one at a time, as Redis's one child). */
export interface SnapshotHook {
  /** The bit value meaning "already in the image, or created after it began". */
  readonly visitBit: number;
  /** A not-yet-visited entry is about to change or go: keep its current state. */
  capture(dict: Map<string, Entry>, e: Entry): void;
}

function frozen(v: Value): Value {
  return typeof v === 'string' ? v : v.clone();
}

export class KeyspaceSnapshot implements SnapshotHook {
  /** Captured old states per section dictionary, waiting for the walk to reach that section. */
  private readonly captured = new Map<Map<string, Entry>, SnapshotRecord[]>();
  private section = 0;
  private walk: Iterator<Entry> | null = null;
  private done = false;
  /** Keys emitted so far (current_save_keys_processed). */
  emitted = 0;
  /**
   * Approximate bytes kept by copy-before-write: what a forked child's copy-on-write would
   * have cost (INFO current_cow_size). Strings count their bytes, other values a flat amount.
   */
  capturedBytes = 0;
  readonly totalKeys: number;

  constructor(
    readonly sections: readonly SnapshotSection[],
    readonly visitBit: number,
    private readonly finished: (s: KeyspaceSnapshot) => void,
  ) {
    for (const s of sections) this.captured.set(s.dict, []);
    this.totalKeys = sections.reduce((n, s) => n + s.keys, 0);
  }

  capture(dict: Map<string, Entry>, e: Entry): void {
    const queue = this.captured.get(dict);
    e.visit = this.visitBit;
    if (queue === undefined) return;
    const section = this.sections.find((s) => s.dict === dict) as SnapshotSection;
    this.capturedBytes += (typeof e.value === 'string' ? e.value.length : 0) + e.key.length + 64;
    queue.push({ db: section.db, key: e.key, value: frozen(e.value), expiresAt: section.expires.get(e.key) ?? 0, lru: e.lru });
  }

  private readonly pool = new RecordPool();

  /**
   * Up to about `max` records, all of one database, in database order; null when the image
   * is complete (the snapshot has then ended and writes no longer capture anything). Records
   * of the walk are reused by the next call: consume them before asking again.
   */
  next(max: number): SnapshotRecord[] | null {
    while (!this.done) {
      const s = this.sections[this.section];
      if (s === undefined) {
        this.end();
        return null;
      }
      const out = this.captured.get(s.dict) as SnapshotRecord[];
      this.captured.set(s.dict, []);
      if (this.walk === null) this.walk = s.dict.values();
      const bit = this.visitBit;
      const pool = this.pool;
      let n = 0;
      while (out.length < max) {
        const r = this.walk.next();
        if (r.done === true) {
          this.walk = null;
          this.section++;
          break;
        }
        const e = r.value;
        if (e.visit === bit) continue;
        e.visit = bit;
        out.push(pool.fill(n++, s.db, e.key, e.value, s.expires.size === 0 ? 0 : (s.expires.get(e.key) ?? 0), e.lru));
      }
      if (out.length > 0) {
        this.emitted += out.length;
        return out;
      }
    }
    return null;
  }

  /** Stop early: mark what the walk did not reach as visited so the next snapshot starts clean. */
  abort(): void {
    if (this.done) return;
    this.wasAborted = true;
    const bit = this.visitBit;
    for (let i = this.section; i < this.sections.length; i++) {
      for (const e of (this.sections[i] as SnapshotSection).dict.values()) e.visit = bit;
    }
    this.end();
  }

  get active(): boolean {
    return !this.done;
  }

  /** True when the snapshot was stopped before its image was complete. */
  get aborted(): boolean {
    return this.wasAborted;
  }

  private wasAborted = false;

  private end(): void {
    this.done = true;
    this.walk = null;
    this.captured.clear();
    this.finished(this);
  }
}
