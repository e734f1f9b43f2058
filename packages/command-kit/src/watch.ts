// WATCH bookkeeping: which sessions watch which (db, key), and marking them dirty when
// storage reports a change, with Redis 7.0's rules for keys already expired when watched
// (their deletion is no change). Costs nothing while nobody watches.

import type { Database, Keyspace } from '@cinnabar/storage';
import type { ClientSession } from './session.js';

function slot(db: number, key: string): string {
  return `${db}\0${key}`;
}

/** Present in the dictionary with its TTL passed (not yet deleted). */
function expiredIn(db: Database, key: string): boolean {
  const e = db.peek(key);
  return e !== undefined && db.isExpired(e);
}

export class WatchRegistry {
  private readonly watchers = new Map<string, Set<ClientSession>>();

  constructor(private readonly keyspace: Keyspace) {}

  watch(c: ClientSession, key: string): void {
    const s = slot(c.db.id, key);
    if (c.watched.has(s)) return;
    // The value records "already expired when watched": its later deletion fails nothing.
    c.watched.set(s, expiredIn(c.db, key));
    let set = this.watchers.get(s);
    if (set === undefined) this.watchers.set(s, (set = new Set()));
    set.add(c);
  }

  unwatchAll(c: ClientSession): void {
    for (const s of c.watched.keys()) {
      const set = this.watchers.get(s);
      if (set === undefined) continue;
      set.delete(c);
      if (set.size === 0) this.watchers.delete(s);
    }
    c.watched.clear();
    c.dirtyCas = false;
  }

  /** EXEC's last check: a watched key, live when watched, has since passed its TTL. */
  expiredSinceWatch(c: ClientSession): boolean {
    for (const [s, expiredAtWatch] of c.watched) {
      if (expiredAtWatch) continue;
      const sep = s.indexOf('\0');
      if (expiredIn(this.keyspace.db(Number(s.slice(0, sep))), s.slice(sep + 1))) return true;
    }
    return false;
  }

  /** A key was written, deleted or expired (Redis's touchWatchedKey). */
  keyModified(db: number, key: string): void {
    if (this.watchers.size === 0) return;
    const s = slot(db, key);
    const set = this.watchers.get(s);
    if (set === undefined) return;
    const present = this.keyspace.db(db).peek(key) !== undefined;
    for (const c of set) {
      if (c.watched.get(s) === true) {
        // Watched while already expired: its deletion is no logical change, but from now
        // on the key counts as absent, so a later write does fail EXEC.
        if (!present) c.watched.set(s, false);
        continue;
      }
      c.dirtyCas = true;
    }
  }

  keyExpired(db: number, key: string): void {
    this.keyModified(db, key);
  }

  /** FLUSHDB/FLUSHALL, before the keys go: watchers of keys present are dirty. db -1 means every database. */
  dbFlushing(db: number): void {
    for (const [s, set] of this.watchers) {
      const sep = s.indexOf('\0');
      const d = Number(s.slice(0, sep));
      if (db !== -1 && d !== db) continue;
      if (this.keyspace.db(d).peek(s.slice(sep + 1)) === undefined) continue;
      for (const c of set) {
        if (c.watched.get(s) === true) c.watched.set(s, false);
        else c.dirtyCas = true;
      }
    }
  }

  /**
   * SWAPDB, after the contents moved: a watched key is touched when it exists on either
   * side, except where an expired key meets an absent or expired one (no logical change).
   */
  dbSwapped(a: number, b: number): void {
    if (a === b) return;
    for (const [s, set] of this.watchers) {
      const sep = s.indexOf('\0');
      const d = Number(s.slice(0, sep));
      if (d !== a && d !== b) continue;
      const key = s.slice(sep + 1);
      const before = this.keyspace.db(d === a ? b : a); // what the watched db held
      const after = this.keyspace.db(d); // what it holds now
      const hadKey = before.peek(key) !== undefined;
      const hasKey = after.peek(key) !== undefined;
      if (!hadKey && !hasKey) continue;
      const nowExpired = expiredIn(after, key);
      for (const c of set) {
        if (c.watched.get(s) === true) {
          if (!hasKey) {
            c.watched.set(s, false);
            continue;
          }
          if (nowExpired) continue;
        } else if (!hadKey && nowExpired) {
          c.watched.set(s, true);
          continue;
        }
        c.dirtyCas = true;
      }
    }
  }

  get watchedKeyCount(): number {
    return this.watchers.size;
  }
}
