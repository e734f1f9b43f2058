import { RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, intArg } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import { type Consumer, formatId, MAX_ID } from '@cinnabar/storage';
import { consumerFor, propagateClaim } from './group-delivery.js';
import { boundArg, entryReply, groupOf, intervalArg, readStream } from './stream-ops.js';

const ATTEMPTS_FACTOR = 10;

export const xautoclaim = defineCommand({
  name: 'xautoclaim', arity: -6, flags: ['write', 'fast'], acl: ['@write', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.', since: '6.2.0', group: 'stream', complexity: 'O(1) if COUNT is small.' },
  run: (c, argv) => {
    const minIdle = Math.max(0, boundArg(argv[4] as string, () => new RedisError('ERR Invalid min-idle-time argument for XAUTOCLAIM')));
    const startArg = intervalArg(argv[5] as string, 0n);
    let start = startArg.id;
    if (startArg.exclusive) {
      if (start === MAX_ID) throw new RedisError('ERR invalid start ID for the interval');
      start++;
    }
    let count = 100;
    let justId = false;
    for (let j = 6; j < argv.length; j++) {
      const opt = (argv[j] as string).toUpperCase();
      if (opt === 'COUNT' && j + 1 < argv.length) {
        count = intArg(argv[++j] as string, () => new RedisError('ERR COUNT must be > 0'));
        if (count < 1 || count > Math.floor(Number.MAX_SAFE_INTEGER / ATTEMPTS_FACTOR)) throw new RedisError('ERR COUNT must be > 0');
      } else if (opt === 'JUSTID') {
        justId = true;
      } else {
        throw new SyntaxError();
      }
    }
    const key = argv[1] as string;
    const s = readStream(c.db, key);
    const g = groupOf(s, key, argv[2] as string);
    // Never propagated as sent: each PEL change as an idempotent XCLAIM.
    c.server.propagation.prevent();
    const groupName = argv[2] as string;
    let attempts = count * ATTEMPTS_FACTOR;
    const candidates = g.pel.range(start, MAX_ID, attempts + 1);
    const now = c.server.clock.nowMs();
    let consumer: Consumer | undefined;
    const claimed: Reply[] = [];
    const deleted: Reply[] = [];
    let i = 0;
    for (; attempts > 0 && count > 0 && i < candidates.length; i++, attempts--) {
      const [id, nack] = candidates[i] as (typeof candidates)[number];
      const entry = s?.get(id);
      if (entry === undefined) {
        propagateClaim(c, key, groupName, g, formatId(id), nack);
        g.pel.delete(id);
        nack.consumer.pel.delete(id);
        deleted.push(formatId(id));
        count--;
        c.server.keyspace.stats.dirty++;
        continue;
      }
      if (minIdle > 0 && now - nack.deliveryTimeMs < minIdle) continue;
      consumer ??= consumerFor(c, key, g, argv[3] as string);
      if (nack.consumer !== consumer) {
        nack.consumer.pel.delete(id);
        nack.consumer = consumer;
        consumer.pel.set(id, nack);
      }
      nack.deliveryTimeMs = now;
      if (!justId) nack.deliveryCount++;
      claimed.push(justId ? formatId(id) : entryReply(entry));
      propagateClaim(c, key, groupName, g, formatId(id), nack);
      count--;
      c.server.keyspace.stats.dirty++;
    }
    const next = candidates[i];
    return [next === undefined ? '0-0' : formatId(next[0]), claimed, deleted];
  },
});
