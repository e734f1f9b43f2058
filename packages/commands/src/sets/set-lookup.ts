// How set commands reach their value: typed lookups for reads and writes, creation on write
// (Redis's setTypeCreate: an intset when the first member is an integer) and the delete of a
// set whose last member went.

import { type Database, type Entry, SetValue } from '@cinnabar/storage';
import { readTyped, valueAs, writeTypedEntry } from '../keys/typed-lookup.js';

export function setOf(e: Entry): SetValue {
  return valueAs(e, SetValue);
}

/** The set for a read (hits and misses counted); undefined when the key is absent. */
export function readSet(db: Database, key: string): SetValue | undefined {
  return readTyped(db, key, SetValue);
}

/** The entry for a write that needs an existing set; undefined when the key is absent. */
export function writeEntry(db: Database, key: string): Entry | undefined {
  return writeTypedEntry(db, key, SetValue);
}

/** A set whose last member went is deleted with its key. True when that happened. */
export function removeIfEmpty(db: Database, e: Entry): boolean {
  if ((e.value as SetValue).size !== 0) return false;
  db.remove(e);
  return true;
}
