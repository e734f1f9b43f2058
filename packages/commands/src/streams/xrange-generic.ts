// XRANGE and XREVRANGE: bounds with `-`, `+`, incomplete IDs and `(` exclusive forms, COUNT.

import { RedisError, SyntaxError } from '@cinnabar/common';
import type { Database } from '@cinnabar/storage';
import { type Reply, reply } from '@cinnabar/resp';
import { MAX_ID } from '@cinnabar/storage';
import { boundArg, entryReply, intervalArg, readStream, U64_MAX } from './stream-ops.js';

export function rangeGeneric(db: Database, argv: readonly string[], rev: boolean): Reply {
  const startArg = intervalArg(argv[rev ? 3 : 2] as string, 0n);
  let start = startArg.id;
  if (startArg.exclusive) {
    if (start === MAX_ID) throw new RedisError('ERR invalid start ID for the interval');
    start++;
  }
  const endArg = intervalArg(argv[rev ? 2 : 3] as string, U64_MAX);
  let end = endArg.id;
  if (endArg.exclusive) {
    if (end === 0n) throw new RedisError('ERR invalid end ID for the interval');
    end--;
  }
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if ((argv[j] as string).toUpperCase() === 'COUNT' && j + 1 < argv.length) {
      count = Math.max(0, boundArg(argv[++j] as string));
    } else {
      throw new SyntaxError();
    }
  }
  const s = readStream(db, argv[1] as string);
  if (s === undefined) return [];
  if (count === 0) return reply.nullArray;
  return s.range(start, end, rev, count === -1 ? 0 : count).map(entryReply);
}
