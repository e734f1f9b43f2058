// WATCH bookkeeping: which sessions watch which (db, key), and marking them dirty when
// storage reports a change. Costs nothing while nobody watches.

import type { Keyspace } from '@cinnabar/storage';
import type { ClientSession } from './session.js';

function slot(db: number, key: string): string {
  return `${db}\0${key}`;
}

export class WatchRegistry {
  private readonly watchers = new Map<string, Set<ClientSession>>();

  constructor(private readonly keyspace: Keyspace) {}

  watch(c: ClientSession, key: string): void {
    const s = slot(c.db.id, key);
    if (c.watched.has(s)) return;
    const e = c.db.peek(key);
    // A key already past its TTL when watched may be expired later without failing EXEC.
    c.watched.set(s, e !== undefined && c.db.isExpired(e));
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

  /** True when a watched key, live when watched, has since passed its TTL. */
  expiredSinceWatch(c: ClientSession): boolean {
    for (const [s, expiredAtWatch] of c.watched) {
      if (expiredAtWatch) continue;
      const sep = s.indexOf('\0');
      const db = this.keyspace.db(Number(s.slice(0, sep)));
      const e = db.peek(s.slice(sep + 1));
      if (e !== undefined && db.isExpired(e)) return true;
    }
    return false;
  }

  keyModified(db: number, key: string): void {
    if (this.watchers.size === 0) return;
    const set = this.watchers.get(slot(db, key));
    if (set) for (const c of set) c.dirtyCas = true;
  }

  keyExpired(db: number, key: string): void {
    if (this.watchers.size === 0) return;
    const s = slot(db, key);
    const set = this.watchers.get(s);
    if (set) for (const c of set) if (c.watched.get(s) !== true) c.dirtyCas = true;
  }

  /** FLUSHDB/FLUSHALL: watchers of keys that exist are dirty. db -1 means every database. */
  dbFlushing(db: number): void {
    this.touchWhere((d, key) => (db === -1 || d === db) && this.keyspace.db(d).peek(key) !== undefined);
  }

  /** SWAPDB: a watched key in either database is dirty if it exists on either side. */
  dbSwapped(a: number, b: number): void {
    this.touchWhere(
      (d, key) => (d === a || d === b) &&
        (this.keyspace.db(a).peek(key) !== undefined || this.keyspace.db(b).peek(key) !== undefined),
    );
  }

  private touchWhere(test: (db: number, key: string) => boolean): void {
    for (const [s, set] of this.watchers) {
      const sep = s.indexOf('\0');
      if (test(Number(s.slice(0, sep)), s.slice(sep + 1))) for (const c of set) c.dirtyCas = true;
    }
  }

  get watchedKeyCount(): number {
    return this.watchers.size;
  }
}
