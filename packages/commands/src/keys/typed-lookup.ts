// Typed access to a key's value, shared by every aggregate family: the value as the expected
// class or WRONGTYPE, a read lookup (hits and misses counted), a write lookup.

import { WrongTypeError } from '@cinnabar/common';
import type { Database, Entry } from '@cinnabar/storage';

type ValueClass<T> = abstract new (...args: never[]) => T;

/** The entry's value as `type`; WRONGTYPE for any other value. */
export function valueAs<T>(e: Entry, type: ValueClass<T>): T {
  const v = e.value;
  if (!(v instanceof type)) throw new WrongTypeError();
  return v;
}

/** The value for a read; undefined when the key is absent. */
export function readTyped<T>(db: Database, key: string, type: ValueClass<T>): T | undefined {
  const e = db.lookupRead(key);
  return e === undefined ? undefined : valueAs(e, type);
}

/** The entry for a write that needs an existing value of `type`; undefined when absent. */
export function writeTypedEntry<T>(db: Database, key: string, type: ValueClass<T>): Entry | undefined {
  const e = db.lookup(key);
  if (e !== undefined) valueAs(e, type);
  return e;
}
