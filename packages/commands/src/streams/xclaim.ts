import { RedisError } from '@cinnabar/common';
import { defineCommand, intArg } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import { type Consumer, formatId, type Nack, parseStreamId, type StreamId } from '@cinnabar/storage';
import { consumerFor, propagateClaim, propagateGroupId } from './group-delivery.js';
import { boundArg, entryReply, groupOf, idArg, readStream } from './stream-ops.js';

const optInt = (s: string, what: string) => intArg(s, () => new RedisError(`ERR Invalid ${what} argument for XCLAIM`));
const optBound = (s: string, what: string) => boundArg(s, () => new RedisError(`ERR Invalid ${what} argument for XCLAIM`));

export const xclaim = defineCommand({
  name: 'xclaim', arity: -6, flags: ['write', 'fast'], acl: ['@write', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.', since: '5.0.0', group: 'stream', complexity: 'O(log N) with N being the number of messages in the PEL of the consumer group.' },
  run: (c, argv) => {
    const key = argv[1] as string;
    const s = readStream(c.db, key);
    const g = groupOf(s, key, argv[2] as string);
    const minIdle = Math.max(0, optBound(argv[4] as string, 'min-idle-time'));
    const ids: StreamId[] = [];
    let j = 5;
    for (; j < argv.length; j++) {
      const p = parseStreamId(argv[j] as string, 0n, true);
      if (p === null) break;
      ids.push(p.id);
    }
    const now = c.server.clock.nowMs();
    let force = false;
    let justId = false;
    let deliveryTime = -1;
    let retryCount = -1;
    let lastId = 0n;
    for (; j < argv.length; j++) {
      const more = argv.length - 1 - j;
      const opt = (argv[j] as string).toUpperCase();
      if (opt === 'FORCE') force = true;
      else if (opt === 'JUSTID') justId = true;
      else if (opt === 'IDLE' && more > 0) deliveryTime = now - optBound(argv[++j] as string, 'IDLE option');
      else if (opt === 'TIME' && more > 0) deliveryTime = optBound(argv[++j] as string, 'TIME option');
      else if (opt === 'RETRYCOUNT' && more > 0) retryCount = optInt(argv[++j] as string, 'RETRYCOUNT option');
      else if (opt === 'LASTID' && more > 0) lastId = idArg(argv[++j] as string, 0n, true);
      else throw new RedisError(`ERR Unrecognized XCLAIM option '${argv[j]}'`);
    }
    // Never propagated as sent: each PEL change as an idempotent XCLAIM (which carries the
    // group's last ID), or only the new last ID as XGROUP SETID when nothing was claimed.
    c.server.propagation.prevent();
    const groupName = argv[2] as string;
    let dirty = 0;
    let lastIdMoved = false;
    if (lastId > g.lastId) {
      g.lastId = lastId;
      lastIdMoved = true;
    }
    if (deliveryTime === -1 || deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
    let consumer: Consumer | undefined;
    const out: Reply[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as StreamId;
      const idText = argv[5 + k] as string;
      let nack: Nack | undefined = g.pel.get(id);
      const entry = s?.get(id);
      if (entry === undefined) {
        if (nack !== undefined) {
          propagateClaim(c, key, groupName, g, idText, nack);
          g.pel.delete(id);
          nack.consumer.pel.delete(id);
          dirty++;
        }
        continue;
      }
      if (nack === undefined && !force) continue;
      if (nack !== undefined && minIdle > 0 && now - nack.deliveryTimeMs < minIdle) continue;
      consumer ??= consumerFor(c, key, g, argv[3] as string);
      if (nack === undefined) {
        // A FORCE-made NACK starts at one delivery as Redis's streamCreateNACK does, then the
        // usual increment below applies: a plain claim reports 2, JUSTID 1.
        nack = { deliveryTimeMs: now, deliveryCount: 1, consumer };
        g.pel.set(id, nack);
        consumer.pel.set(id, nack);
      } else if (nack.consumer !== consumer) {
        nack.consumer.pel.delete(id);
        nack.consumer = consumer;
        consumer.pel.set(id, nack);
      }
      nack.deliveryTimeMs = deliveryTime;
      if (retryCount >= 0) nack.deliveryCount = retryCount;
      else if (!justId) nack.deliveryCount++;
      out.push(justId ? formatId(id) : entryReply(entry));
      propagateClaim(c, key, groupName, g, idText, nack);
      dirty++;
    }
    if (lastIdMoved && dirty === 0) {
      propagateGroupId(c, key, groupName, g);
      dirty++;
    }
    c.server.keyspace.stats.dirty += dirty;
    return out;
  },
});
