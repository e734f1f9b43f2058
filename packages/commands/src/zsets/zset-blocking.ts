// What BZPOPMIN, BZPOPMAX and BZMPOP share: pop now when one of the keys holds members
// (WRONGTYPE surfaces then), else block on the keys; a wakeup is served from the key made
// ready, as Redis does, and only when it holds a sorted set (other types keep the client waiting).
// The timeout answers a null array. At once or served later, they propagate as ZPOPMIN/ZPOPMAX
// (with the number popped for BZMPOP), as Redis does.

import { type ClientSession, parseBlockTimeout } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { ZSetValue } from '@cinnabar/storage';
import { propagateAs } from '../propagate.js';
import { type Popped, popFirstExisting } from './zset-pop.js';

/** A pop propagates as ZPOPMIN/ZPOPMAX key, with the number popped when the command took a count. */
export function propagateZpop(c: ClientSession, { key, pairs }: Popped, max: boolean, withCount: boolean): void {
  propagateAs(c, [max ? 'ZPOPMAX' : 'ZPOPMIN', key, ...(withCount ? [String(pairs.length)] : [])]);
}

/** `count` null: BZPOPMIN/BZPOPMAX, one member, propagated without a count. */
export function blockingZpop(
  c: ClientSession, keys: readonly string[], max: boolean, count: number | null, deadlineMs: number, shape: (p: Popped) => Reply,
): Reply | undefined {
  const db = c.db;
  const served = (p: Popped): Reply => {
    propagateZpop(c, p, max, count !== null);
    return shape(p);
  };
  const popped = popFirstExisting(db, keys, max, count ?? 1);
  if (popped !== null) return served(popped);
  return c.server.blocking.block(c, {
    keys, deadlineMs,
    retry: (key) => {
      const e = db.peek(key);
      if (e === undefined || !(e.value instanceof ZSetValue) || e.value.length === 0 || db.lookup(key) === undefined) return undefined;
      return served(popFirstExisting(db, [key], max, count ?? 1) as Popped);
    },
    timeoutReply: () => reply.nullArray,
  });
}

/** BZPOPMIN/BZPOPMAX: key… timeout → [key, member, score]. */
export function bzpop(c: ClientSession, argv: readonly string[], max: boolean): Reply | undefined {
  const deadline = parseBlockTimeout(argv[argv.length - 1] as string, c.server.clock.nowMs());
  return blockingZpop(c, argv.slice(1, -1), max, null, deadline, ({ key, pairs }) => {
    const [m, s] = pairs[0] as [string, number];
    return [key, m, reply.double(s)];
  });
}
