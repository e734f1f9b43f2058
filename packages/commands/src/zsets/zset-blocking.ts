// What BZPOPMIN, BZPOPMAX and BZMPOP share: pop now when one of the keys holds members
// (WRONGTYPE surfaces then), else block on the keys; a wakeup is served from the first key
// holding a sorted set (other types skipped, as Redis serves blocked clients only from zsets).
// The timeout answers a null array.

import { type ClientSession, parseBlockTimeout } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { ZSetValue } from '@cinnabar/storage';
import { type Popped, popFirstExisting } from './zset-pop.js';

export function blockingZpop(
  c: ClientSession, keys: readonly string[], max: boolean, count: number, deadlineMs: number, shape: (p: Popped) => Reply,
): Reply | undefined {
  const db = c.db;
  const popped = popFirstExisting(db, keys, max, count);
  if (popped !== null) return shape(popped);
  return c.server.blocking.block(c, {
    keys, deadlineMs,
    retry: () => {
      for (const key of keys) {
        const e = db.peek(key);
        if (e === undefined || !(e.value instanceof ZSetValue) || e.value.length === 0 || db.lookup(key) === undefined) continue;
        return shape(popFirstExisting(db, [key], max, count) as Popped);
      }
      return undefined;
    },
    timeoutReply: () => reply.nullArray,
  });
}

/** BZPOPMIN/BZPOPMAX: key… timeout → [key, member, score]. */
export function bzpop(c: ClientSession, argv: readonly string[], max: boolean): Reply | undefined {
  const deadline = parseBlockTimeout(argv[argv.length - 1] as string, c.server.clock.nowMs());
  return blockingZpop(c, argv.slice(1, -1), max, 1, deadline, ({ key, pairs }) => {
    const [m, s] = pairs[0] as [string, number];
    return [key, m, reply.double(s)];
  });
}
