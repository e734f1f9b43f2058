// How hash commands reach their value: typed lookups for reads and writes (creating the
// hash on write, as Redis's hashTypeLookupWriteOrCreate) and the delete of an emptied hash.

import { type Database, type Entry, HashValue } from '@cinnabar/storage';
import { readTyped, valueAs, writeTypedEntry } from '../keys/typed-lookup.js';

function hashOf(e: Entry): HashValue {
  return valueAs(e, HashValue);
}

/** The hash for a read (hits and misses counted); undefined when the key is absent. */
export function readHash(db: Database, key: string): HashValue | undefined {
  return readTyped(db, key, HashValue);
}

/** The entry for a write that needs an existing hash; undefined when the key is absent. */
export function writeEntry(db: Database, key: string): Entry | undefined {
  return writeTypedEntry(db, key, HashValue);
}

/** The hash to write into, created empty (listpack) when the key is absent. */
export function writeHash(db: Database, key: string): HashValue {
  const e = db.lookup(key);
  if (e !== undefined) return hashOf(e);
  const h = new HashValue();
  db.add(key, h);
  return h;
}

/** A hash whose last field went is deleted with its key. True when that happened. */
export function removeIfEmpty(db: Database, e: Entry): boolean {
  if ((e.value as HashValue).length !== 0) return false;
  db.remove(e);
  return true;
}
