// SORT and SORT_RO: option parsing, loading the elements of a list, set or sorted set,
// ordering them (numeric, ALPHA, BY weights, or not at all), LIMIT, GET and STORE, in the
// order and with the quirks of Redis 7.0's sort.c. Patterns live in sort-pattern.ts.

import { type Int64, RedisError, SyntaxError, WrongTypeError } from '@cinnabar/common';
import { type ClientSession, int64Arg } from '@cinnabar/command-kit';
import { type Reply } from '@cinnabar/resp';
import { type Database, EventClass, ListValue, SetValue, ZSetValue } from '@cinnabar/storage';
import { pqsort } from '../geo/pqsort.js';
import { cString, lookupByPattern, sortWeight } from './sort-pattern.js';

interface SortOptions {
  desc: boolean;
  alpha: boolean;
  /** The BY pattern; null without BY or when `dontsort` dropped it. */
  by: string | null;
  /** BY without `*` (BY nosort): keep the native order. */
  dontsort: boolean;
  offset: Int64;
  count: Int64;
  gets: string[];
  store: string | null;
}

/** Options from argv[2] on; SORT_RO knows no STORE. Later options override earlier ones. */
function parseSortOptions(argv: readonly string[], readonly: boolean): SortOptions {
  const o: SortOptions = { desc: false, alpha: false, by: null, dontsort: false, offset: 0, count: -1, gets: [], store: null };
  for (let j = 2; j < argv.length; j++) {
    const word = (argv[j] as string).toLowerCase();
    const left = argv.length - j - 1;
    if (word === 'asc') o.desc = false;
    else if (word === 'desc') o.desc = true;
    else if (word === 'alpha') o.alpha = true;
    else if (word === 'limit' && left >= 2) {
      o.offset = int64Arg(argv[j + 1] as string);
      o.count = int64Arg(argv[j + 2] as string);
      j += 2;
    } else if (word === 'store' && !readonly && left >= 1) o.store = argv[++j] as string;
    else if (word === 'by' && left >= 1) {
      o.by = argv[++j] as string;
      // Once a constant BY is seen nothing sorts, even if a later BY has a `*`.
      if (!cString(o.by).includes('*')) o.dontsort = true;
    } else if (word === 'get' && left >= 1) o.gets.push(argv[++j] as string);
    else throw new SyntaxError();
  }
  return o;
}

/** A signed 64-bit value clamped into [lo, hi]. */
function clamp(v: Int64, lo: number, hi: number): number {
  if (v < lo) return lo;
  return v > hi ? hi : Number(v);
}

/** Redis's LIMIT sanity rules: the inclusive output range [start, end] of n elements. */
function limitRange(offset: Int64, count: Int64, n: number): [number, number] {
  let start = clamp(offset, 0, n);
  const c = clamp(count, -1, n);
  let end = c < 0 ? n - 1 : start + c - 1;
  if (start >= n) {
    start = n - 1;
    end = n - 2;
  }
  return [start, Math.min(end, n - 1)];
}

type Sortable = ListValue | SetValue | ZSetValue;

function sortable(db: Database, key: string): Sortable | undefined {
  const e = db.lookupRead(key);
  if (e === undefined) return undefined;
  const v = e.value;
  if (v instanceof ListValue || v instanceof SetValue || v instanceof ZSetValue) return v;
  throw new WrongTypeError();
}

function lengthOf(v: Sortable | undefined): number {
  if (v === undefined) return 0;
  return v instanceof SetValue ? v.size : v.length;
}

/**
 * SORT converts a listpack sorted set to a skiplist before reading it, and the change
 * stays. ZSetValue has no conversion call, so a member added past a zero entry limit (which
 * switches the encoding, as zsetAdd does) and removed again does it.
 */
function convertToSkiplist(z: ZSetValue): void {
  if (!z.compact) return;
  let probe = '\0sort';
  while (z.score(probe) !== undefined) probe += '\0';
  z.set(probe, 0, { zsetMaxListpackEntries: 0, zsetMaxListpackValue: 0 });
  z.delete(probe);
}

/** The ranks [lo, hi] of a sorted set walked in native order, as a range of `len` from `start`. */
function zsetRange(z: ZSetValue, start: number, len: number, desc: boolean): string[] {
  const out: string[] = [];
  const n = z.length;
  const [lo, hi] = desc ? [n - start - len, n - 1 - start] : [start, start + len - 1];
  z.walk(lo, hi, desc, (m) => {
    out.push(m);
  });
  return out;
}

/** The same for a list: `len` elements from position `start`, counted from the tail when desc. */
function listRange(l: ListValue, start: number, len: number, desc: boolean): string[] {
  if (len <= 0) return [];
  if (!desc) return l.range(start, start + len - 1);
  const n = l.length;
  return l.range(n - start - len, n - 1 - start).reverse();
}

/** Every element in the value's native order (a missing key is an empty list). */
function allElements(v: Sortable | undefined): string[] {
  if (v === undefined) return [];
  if (v instanceof ListValue) return v.range(0, -1);
  if (v instanceof SetValue) return v.members();
  return [...v.entries().keys()];
}

interface Item {
  el: string;
  weight: number;
  /** ALPHA with BY: the looked-up value (null when missing, which sorts first). */
  by: string | null;
}

const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** strcoll under the C locale: bytes up to the first NUL. */
const collate = (a: string, b: string): number => binary(cString(a), cString(b));

function comparator(o: SortOptions): (a: Item, b: Item) => number {
  // STORE compares binary-safely; a reply collates as C strings, as Redis does.
  const strings = o.store !== null ? binary : collate;
  let cmp: (a: Item, b: Item) => number;
  if (!o.alpha) cmp = (a, b) => (a.weight > b.weight ? 1 : a.weight < b.weight ? -1 : binary(a.el, b.el));
  else if (o.by !== null) {
    cmp = (a, b) => {
      if (a.by === null || b.by === null) return a.by === b.by ? 0 : a.by === null ? -1 : 1;
      return strings(a.by, b.by);
    };
  } else cmp = (a, b) => strings(a.el, b.el);
  return o.desc ? (a, b) => -cmp(a, b) : cmp;
}

/**
 * Weights (or ALPHA BY values) for each element, then the sort; null on a bad weight. Output
 * ranks start..end must hold what Redis puts there, equal items included.
 */
function sortItems(db: Database, elements: readonly string[], o: SortOptions, start: number, end: number): string[] | null {
  let bad = false;
  const items = elements.map((el): Item => {
    const item: Item = { el, weight: 0, by: null };
    const src = o.by === null ? el : lookupByPattern(db, o.by, el);
    if (src === null) return item;
    if (o.alpha) item.by = o.by === null ? null : src;
    else {
      const w = sortWeight(src);
      if (w === null) bad = true;
      else item.weight = w;
    }
    return item;
  });
  if (bad) return null;
  const cmp = comparator(o);
  // BY with a LIMIT short of everything takes Redis's partial quicksort; otherwise its qsort,
  // which glibc implements as a stable merge sort, as Array.prototype.sort is.
  if (o.by !== null && (start !== 0 || end !== items.length - 1)) pqsort(items, cmp, start, end);
  else items.sort(cmp);
  return items.map((i) => i.el);
}

/**
 * The sorted (or natively ordered) elements and the output range in them. Lists and sorted
 * sets under BY nosort load only the LIMIT range, reversed for DESC; a set is never reversed.
 */
function ordered(db: Database, v: Sortable | undefined, o: SortOptions): { els: string[]; start: number; end: number } | null {
  const n = lengthOf(v);
  const [start, end] = limitRange(o.offset, o.count, n);
  if (o.dontsort && v instanceof ZSetValue) return { els: zsetRange(v, start, end - start + 1, o.desc), start: 0, end: end - start };
  if (o.dontsort && v instanceof ListValue) {
    if (end < start) return { els: [], start, end };
    return { els: listRange(v, start, end - start + 1, o.desc), start: 0, end: end - start };
  }
  const els = allElements(v);
  if (o.dontsort) return { els, start, end };
  const sorted = sortItems(db, els, o, start, end);
  return sorted === null ? null : { els: sorted, start, end };
}

/** SORT's whole run; `scripted` is true for a call from a script (Redis's CLIENT_SCRIPT). */
export function runSort(client: ClientSession, argv: readonly string[], readonly: boolean, scripted = false): Reply {
  const { db } = client;
  const o = parseSortOptions(argv, readonly);
  const v = sortable(db, argv[1] as string);
  // Set order is not stable across replicas: sort it when the result is stored or scripted.
  if (o.dontsort && v instanceof SetValue && (o.store !== null || scripted)) {
    o.dontsort = false;
    o.alpha = true;
    o.by = null;
  }
  if (v instanceof ZSetValue) convertToSkiplist(v);
  const r = ordered(db, v, o);
  if (r === null) throw new RedisError("ERR One or more scores can't be converted into double");
  const picked = r.end >= r.start ? r.els.slice(r.start, r.end + 1) : [];
  if (o.store === null) {
    if (o.gets.length === 0) return picked;
    return picked.flatMap((el) => o.gets.map((g) => lookupByPattern(db, g, el)));
  }
  const values = o.gets.length === 0 ? picked : picked.flatMap((el) => o.gets.map((g) => lookupByPattern(db, g, el) ?? ''));
  return storeList(client, o.store, values);
}

/** STORE: a non-empty result replaces the destination with a list; an empty one deletes it. */
function storeList(client: ClientSession, dst: string, values: string[]): number {
  const { db } = client;
  if (values.length > 0) {
    db.setValue(dst, ListValue.from(values, client.server.keyspace.limits.listMaxListpackSize));
    db.changed(dst, EventClass.list, 'sortstore', values.length);
  } else {
    // Redis deletes without an expiry check: a destination whose TTL passed goes with "del".
    const e = db.peek(dst);
    if (e === undefined) return 0;
    db.remove(e);
    db.changed(dst, EventClass.generic, 'del');
  }
  return values.length;
}
