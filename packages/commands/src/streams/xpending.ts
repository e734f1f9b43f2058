import { RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { type ConsumerGroup, formatId, MAX_ID } from '@cinnabar/storage';
import { boundArg, groupOf, intervalArg, readStream, U64_MAX } from './stream-ops.js';

function summary(g: ConsumerGroup): Reply {
  if (g.pel.size === 0) return [0, null, null, reply.nullArray];
  const owners = g.sortedConsumers().filter((k) => k.pel.size > 0).map((k) => [k.name, String(k.pel.size)]);
  return [g.pel.size, formatId(g.pel.first() as bigint), formatId(g.pel.last() as bigint), owners];
}

export const xpending = defineCommand({
  name: 'xpending', arity: -3, flags: ['readonly'], acl: ['@read', '@stream', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.', since: '5.0.0', group: 'stream', complexity: 'O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.' },
  run: (c, argv) => {
    const n = argv.length;
    if (n !== 3 && (n < 6 || n > 9)) throw new SyntaxError();
    let start = 0n;
    let end = MAX_ID;
    let count = 0;
    let minIdle = 0;
    let consumerName: string | undefined;
    if (n >= 6) {
      let at = 3;
      if ((argv[3] as string).toUpperCase() === 'IDLE') {
        minIdle = boundArg(argv[4] as string);
        if (n < 8) throw new SyntaxError();
        at += 2;
      }
      count = Math.max(0, boundArg(argv[at + 2] as string));
      const s = intervalArg(argv[at] as string, 0n);
      start = s.id;
      if (s.exclusive) {
        if (start === MAX_ID) throw new RedisError('ERR invalid start ID for the interval');
        start++;
      }
      const e = intervalArg(argv[at + 1] as string, U64_MAX);
      end = e.id;
      if (e.exclusive) {
        if (end === 0n) throw new RedisError('ERR invalid end ID for the interval');
        end--;
      }
      consumerName = argv[at + 3];
    }
    const key = argv[1] as string;
    const g = groupOf(readStream(c.db, key), key, argv[2] as string);
    if (n === 3) return summary(g);
    let pel = g.pel;
    if (consumerName !== undefined) {
      const k = g.consumer(consumerName);
      if (k === undefined) return [];
      pel = k.pel;
    }
    const now = c.server.clock.nowMs();
    const out: Reply[] = [];
    if (count === 0 || start > end) return out;
    for (const [id, nack] of pel.range(start, end)) {
      if (minIdle !== 0 && now - nack.deliveryTimeMs < minIdle) continue;
      out.push([formatId(id), nack.consumer.name, Math.max(0, now - nack.deliveryTimeMs), nack.deliveryCount]);
      if (out.length >= count) break;
    }
    return out;
  },
});
