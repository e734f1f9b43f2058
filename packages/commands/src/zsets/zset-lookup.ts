// How sorted-set commands reach their value: typed lookups for reads and writes, creation on
// write, and the delete (with its "del" event) of a set that a write emptied.

import { type Database, type Entry, EventClass, ZSetValue } from '@cinnabar/storage';
import { readTyped, valueAs, writeTypedEntry } from '../keys/typed-lookup.js';

export function zsetOf(e: Entry): ZSetValue {
  return valueAs(e, ZSetValue);
}

/** The sorted set for a read (hits and misses counted); undefined when the key is absent. */
export function readZSet(db: Database, key: string): ZSetValue | undefined {
  return readTyped(db, key, ZSetValue);
}

/** The entry for a write that needs an existing sorted set; undefined when the key is absent. */
export function writeEntry(db: Database, key: string): Entry | undefined {
  return writeTypedEntry(db, key, ZSetValue);
}

/** After a write removed members: delete the key when it is empty, with Redis's "del" event. */
export function deleteIfEmpty(db: Database, e: Entry): boolean {
  if ((e.value as ZSetValue).length !== 0) return false;
  db.remove(e);
  db.notify(e.key, EventClass.generic, 'del');
  return true;
}

/**
 * The *STORE ending: a non-empty result replaces the destination (any type, TTL dropped) with
 * `event`; an empty one deletes it ("del", counted as a change only when it existed).
 */
export function storeZSet(db: Database, dst: string, result: ZSetValue, event: string): number {
  if (result.length > 0) {
    db.setValue(dst, result);
    db.changed(dst, EventClass.zset, event);
    return result.length;
  }
  const e = db.lookup(dst);
  if (e !== undefined) {
    db.remove(e);
    db.changed(dst, EventClass.generic, 'del');
  }
  return 0;
}
