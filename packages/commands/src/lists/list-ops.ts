// The list operations commands share, and that the blocking forms (BLPOP, BLMOVE, BLMPOP)
// are to reuse: typed lookups, pushes that create the key, pops that delete an emptied key,
// and the pop-then-push of LMOVE, each with the keyspace events Redis emits.

import type { ClientSession } from '@cinnabar/command-kit';
import { type Database, type Entry, EventClass, type ListEnd, ListValue } from '@cinnabar/storage';
import { readTyped, valueAs, writeTypedEntry } from '../keys/typed-lookup.js';

/** The fill a new list takes: list-max-listpack-size at creation time. */
export function listFill(client: ClientSession): number {
  return client.server.keyspace.limits.listMaxListpackSize;
}

/** The list of an entry; WRONGTYPE for any other value. */
export function asList(e: Entry): ListValue {
  return valueAs(e, ListValue);
}

/** A list for a read command (hits/misses counted); undefined when the key is absent. */
export function readList(db: Database, key: string): ListValue | undefined {
  return readTyped(db, key, ListValue);
}

/** A list entry for a write command; undefined when the key is absent. */
export function writeListEntry(db: Database, key: string): Entry | undefined {
  return writeTypedEntry(db, key, ListValue);
}

const pushEvent = (end: ListEnd) => (end === 'head' ? 'lpush' : 'rpush');
const popEvent = (end: ListEnd) => (end === 'head' ? 'lpop' : 'rpop');

/**
 * LPUSH/RPUSH (and the X forms with `onlyExisting`): push each of values[from..] in turn
 * (the command's argv, not a copy); returns the new length, 0 when an X form finds no key.
 */
export function pushValues(db: Database, key: string, values: readonly string[], end: ListEnd, fill: number, onlyExisting = false, from = 0): number {
  let e = writeListEntry(db, key);
  if (e === undefined) {
    if (onlyExisting) return 0;
    e = db.add(key, new ListValue(fill));
  }
  const list = e.value as ListValue;
  for (let i = from; i < values.length; i++) list.push(values[i] as string, end);
  db.changed(key, EventClass.list, pushEvent(end), values.length - from);
  return list.length;
}

/** After elements left a list: delete the key once empty, as Redis never keeps an empty list. */
export function dropIfEmpty(db: Database, e: Entry): void {
  if ((e.value as ListValue).length > 0) return;
  db.remove(e);
  db.notify(e.key, EventClass.generic, 'del');
}

/**
 * Pop up to `count` elements from a looked-up, non-empty list entry, in the order they come
 * off; emits lpop/rpop and deletes the key when it empties.
 */
export function popValues(db: Database, e: Entry, end: ListEnd, count: number): string[] {
  const out = asList(e).popMany(end, count);
  db.changed(e.key, EventClass.list, popEvent(end), out.length);
  dropIfEmpty(db, e);
  return out;
}

/**
 * LMPOP's search: the first key holding a non-empty list gives up to `count` elements;
 * a key of another type stops the search with WRONGTYPE. Null when every key is empty.
 */
export function popFirstNonEmpty(db: Database, keys: readonly string[], end: ListEnd, count: number): [string, string[]] | null {
  for (const key of keys) {
    const e = writeListEntry(db, key);
    if (e === undefined || (e.value as ListValue).length === 0) continue;
    return [key, popValues(db, e, end, count)];
  }
  return null;
}

/**
 * LMOVE/RPOPLPUSH: pop from `src`'s `from` end and push onto `dst`'s `to` end (the same key
 * rotates). Null when `src` is absent; WRONGTYPE from either key before anything moves.
 */
export function moveValue(db: Database, src: string, dst: string, from: ListEnd, to: ListEnd, fill: number): string | null {
  const se = writeListEntry(db, src);
  if (se === undefined || (se.value as ListValue).length === 0) return null;
  let de = writeListEntry(db, dst);
  const v = (se.value as ListValue).pop(from) as string;
  if (de === undefined) de = db.add(dst, new ListValue(fill));
  (de.value as ListValue).push(v, to);
  db.changed(dst, EventClass.list, pushEvent(to));
  db.notify(src, EventClass.list, popEvent(from));
  dropIfEmpty(db, se);
  db.signal(src);
  return v;
}
