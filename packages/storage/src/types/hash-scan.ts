// HSCAN over a hashtable-encoded hash. A cursor names a live iterator over the table's
// insertion-ordered field map, so a field present for the whole scan is returned whatever is
// added or deleted meanwhile. Iterators live in a small table per hash (dropped with the hash);
// a cursor that fell out of it resumes from the position it encodes (best effort).

import type { HashTable } from './hash-table.js';

interface ScanState {
  it: Iterator<string>;
  /** The field read ahead to learn whether the walk is over; returned first next time. */
  pending: string;
  /** Fields taken from `it` before `pending`: the fallback position. */
  pos: number;
}

/** Cursor = position × TAG_SPACE + tag; positions stay below 2^37, so cursors are exact numbers. */
const TAG_SPACE = 0x10000;
const MAX_STATES_PER_HASH = 16;

const states = new WeakMap<HashTable, Map<number, ScanState>>();
let lastTag = 0;

function resume(t: HashTable, cursor: number): ScanState | null {
  const mine = states.get(t);
  const s = mine?.get(cursor);
  if (s !== undefined) {
    mine?.delete(cursor);
    return s;
  }
  // Unknown cursor: a fresh iterator advanced to the encoded position.
  const pos = cursor === 0 ? 0 : Math.floor(cursor / TAG_SPACE);
  const it = t.fieldIterator();
  for (let i = 0; i < pos; i++) if (it.next().done) return null;
  const first = it.next();
  if (first.done) return null;
  return { it, pending: first.value, pos };
}

function park(t: HashTable, s: ScanState): number {
  let mine = states.get(t);
  if (mine === undefined) {
    mine = new Map();
    states.set(t, mine);
  }
  if (mine.size >= MAX_STATES_PER_HASH) mine.delete(mine.keys().next().value as number);
  lastTag = (lastTag % (TAG_SPACE - 1)) + 1;
  const cursor = s.pos * TAG_SPACE + lastTag;
  mine.set(cursor, s);
  return cursor;
}

/**
 * One HSCAN step: visits up to `count` fields (those deleted since they were read ahead are
 * skipped) and returns the next cursor, 0 when the walk is complete.
 */
export function scanTable(t: HashTable, cursor: number, count: number, visit: (field: string, value: string) => void): number {
  const s = resume(t, cursor);
  if (s === null) return 0;
  for (let n = 0; n < count; n++) {
    const value = t.get(s.pending);
    if (value !== undefined) visit(s.pending, value);
    const next = s.it.next();
    if (next.done) return 0;
    s.pending = next.value;
    s.pos++;
  }
  return park(t, s);
}
