// What BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH share: try the non-blocking form now;
// otherwise block on the keys with a retry that serves from the key made ready. While
// waiting, a key of another type is skipped rather than answered with WRONGTYPE, as Redis
// serves blocked clients only from lists. Whether served at once or later, they propagate as
// their non-blocking forms (LPOP/RPOP, LMOVE, RPOPLPUSH), as Redis does.

import type { ClientSession } from '@cinnabar/command-kit';
import { propagateAs } from '../propagate.js';
import { type Reply, reply } from '@cinnabar/resp';
import { type Database, type ListEnd, ListValue } from '@cinnabar/storage';
import { listFill, moveValue, popValues } from './list-ops.js';

/** Whether key holds a non-empty list now (another type never serves a waiter). */
function hasList(db: Database, key: string): boolean {
  const v = db.peek(key);
  return v !== undefined && v.value instanceof ListValue && v.value.length > 0 && db.lookup(key) !== undefined;
}

/** Pop `count` from the list at key: [key, popped]. */
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
    // Served from the key that became ready, as Redis does, even when an earlier key of
    // the client's list also got elements in the same transaction.
    retry: (key) => (hasList(db, key) ? served(popFrom(db, key, end, count ?? 1)) : undefined),
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
  // Where nothing may wait (MULTI/EXEC, scripts) Redis answers like LMOVE on an empty source:
  // a null bulk, unlike the null array a real timeout gets.
  if (c.inExec) return null;
  return c.server.blocking.block(c, {
    keys: [src], deadlineMs,
    retry: () => {
      if (!hasList(db, src)) return undefined;
      const d = db.peek(dst);
      if (d !== undefined && !(d.value instanceof ListValue)) return reply.error('WRONGTYPE Operation against a key holding the wrong kind of value');
      propagateAs(c, as.later);
      return moveValue(db, src, dst, from, to, listFill(c)) ?? undefined;
    },
    // Redis answers every timed-out list waiter (BLMOVE included) with a null array.
    timeoutReply: () => reply.nullArray,
  });
}
