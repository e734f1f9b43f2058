// What BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH share: try the non-blocking form now;
// otherwise block on the keys with a retry that serves the first non-empty list. While
// waiting, a key of another type is skipped rather than answered with WRONGTYPE, as Redis
// serves blocked clients only from lists.

import type { ClientSession } from '@cinnabar/command-kit';
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
 * BLPOP/BRPOP/BLMPOP: `now` is the command's own attempt (WRONGTYPE surfaces), `shape`
 * turns a pop into the reply; the timeout answers a null array.
 */
export function blockingPop(
  c: ClientSession, keys: readonly string[], end: ListEnd, count: number, deadlineMs: number,
  now: () => [string, string[]] | null, shape: (popped: [string, string[]]) => Reply,
): Reply | undefined {
  const found = now();
  if (found !== null) return shape(found);
  const db = c.db;
  return c.server.blocking.block(c, {
    keys, deadlineMs,
    retry: () => {
      const key = firstList(db, keys);
      return key === null ? undefined : shape(popFrom(db, key, end, count));
    },
    timeoutReply: () => reply.nullArray,
  });
}

/** BLMOVE/BRPOPLPUSH: move now if the source has elements, else wait for it. */
export function blockingMove(c: ClientSession, src: string, dst: string, from: ListEnd, to: ListEnd, deadlineMs: number): Reply | undefined {
  const db = c.db;
  const moved = moveValue(db, src, dst, from, to, listFill(c));
  if (moved !== null) return moved;
  return c.server.blocking.block(c, {
    keys: [src], deadlineMs,
    retry: () => {
      if (firstList(db, [src]) === null) return undefined;
      const d = db.peek(dst);
      if (d !== undefined && !(d.value instanceof ListValue)) return reply.error('WRONGTYPE Operation against a key holding the wrong kind of value');
      return moveValue(db, src, dst, from, to, listFill(c)) ?? undefined;
    },
    timeoutReply: () => null,
  });
}
