// What BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH share: try the non-blocking form now;
// otherwise block on the keys with a retry that serves the first non-empty list. While
// waiting, a key of another type is skipped rather than answered with WRONGTYPE, as Redis
// serves blocked clients only from lists. Whether served at once or later, they propagate as
// their non-blocking forms (LPOP/RPOP, LMOVE, RPOPLPUSH), as Redis does.

import type { ClientSession } from '@cinnabar/command-kit';
import { propagateAs } from '../propagate.js';
import { type Reply, reply } from '@cinnabar/resp';
import { type Database, type ListEnd, ListValue } from '@cinnabar/storage';
import { listFill, moveValue, popValues } from './list-ops.js';

/** The first key holding a non-empty list (other types skipped), or null. */
function firstList(db: Database, keys: readonly string[]): string | null {
  for (const key of keys) {
    const v = db.peek(key);
    if (v !== undefined && v.value instanceof ListValue && v.value.length > 0 && db.lookup(key) !== undefined) return key;
  }
  return null;
}

/** Pop `count` from the first non-empty list: [key, popped]. */
function popFrom(db: Database, key: string, end: ListEnd, count: number): [string, string[]] {
  return [key, popValues(db, db.lookup(key)!, end, count)];
}

/**
 * A pop propagates as LPOP/RPOP key, with the number popped when the command took a count
 * (LMPOP, BLMPOP), without for BLPOP/BRPOP.
 */
export function propagatePop(c: ClientSession, [key, popped]: [string, string[]], end: ListEnd, withCount: boolean): void {
  propagateAs(c, [end === 'head' ? 'LPOP' : 'RPOP', key, ...(withCount ? [String(popped.length)] : [])]);
}

/**
 * BLPOP/BRPOP/BLMPOP: `now` is the command's own attempt (WRONGTYPE surfaces), `shape`
 * turns a pop into the reply; the timeout answers a null array.
 */
export function blockingPop(
  c: ClientSession, keys: readonly string[], end: ListEnd, count: number | null, deadlineMs: number,
  now: () => [string, string[]] | null, shape: (popped: [string, string[]]) => Reply,
): Reply | undefined {
  const served = (popped: [string, string[]]): Reply => {
    propagatePop(c, popped, end, count !== null);
    return shape(popped);
  };
  const found = now();
  if (found !== null) return served(found);
  const db = c.db;
  return c.server.blocking.block(c, {
    keys, deadlineMs,
    retry: () => {
      const key = firstList(db, keys);
      return key === null ? undefined : served(popFrom(db, key, end, count ?? 1));
    },
    timeoutReply: () => reply.nullArray,
  });
}

/**
 * BLMOVE/BRPOPLPUSH: move now if the source has elements, else wait for it. `as` gives what
 * each propagates as: at once (BLMOVE's own direction words) or when served later.
 */
export function blockingMove(
  c: ClientSession, src: string, dst: string, from: ListEnd, to: ListEnd, deadlineMs: number,
  as: { now: readonly string[]; later: readonly string[] },
): Reply | undefined {
  const db = c.db;
  propagateAs(c, as.now);
  const moved = moveValue(db, src, dst, from, to, listFill(c));
  if (moved !== null) return moved;
  return c.server.blocking.block(c, {
    keys: [src], deadlineMs,
    retry: () => {
      if (firstList(db, [src]) === null) return undefined;
      const d = db.peek(dst);
      if (d !== undefined && !(d.value instanceof ListValue)) return reply.error('WRONGTYPE Operation against a key holding the wrong kind of value');
      propagateAs(c, as.later);
      return moveValue(db, src, dst, from, to, listFill(c)) ?? undefined;
    },
    timeoutReply: () => null,
  });
}
