// How set commands reach their value: typed lookups for reads and writes, creation on write
// (Redis's setTypeCreate: an intset when the first member is an integer) and the delete of a
// set whose last member went.

import { WrongTypeError } from '@cinnabar/common';
import { type Database, type Entry, SetValue } from '@cinnabar/storage';

export function setOf(e: Entry): SetValue {
  const v = e.value;
  if (!(v instanceof SetValue)) throw new WrongTypeError();
  return v;
}

/** The set for a read (hits and misses counted); undefined when the key is absent. */
export function readSet(db: Database, key: string): SetValue | undefined {
  const e = db.lookupRead(key);
  return e === undefined ? undefined : setOf(e);
}

/** The entry for a write that needs an existing set; undefined when the key is absent. */
export function writeEntry(db: Database, key: string): Entry | undefined {
  const e = db.lookup(key);
  if (e !== undefined) setOf(e);
  return e;
}

/** A set whose last member went is deleted with its key. True when that happened. */
export function removeIfEmpty(db: Database, e: Entry): boolean {
  if ((e.value as SetValue).size !== 0) return false;
  db.remove(e);
  return true;
}
