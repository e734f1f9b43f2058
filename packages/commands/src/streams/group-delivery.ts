// How entries reach a consumer group (Redis's streamReplyWithRange with a group): new
// entries advance the group's last ID and entries-read counter and enter the PELs (unless
// NOACK); history re-reads a consumer's own PEL. Also consumer lookup-or-create with its event,
// and how group changes propagate (Redis's streamPropagateXCLAIM / streamPropagateGroupID).

import type { ClientSession } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { type Consumer, type ConsumerGroup, EventClass, formatId, MAX_ID, type Nack, type StreamId, type StreamValue } from '@cinnabar/storage';
import { entryReply } from './stream-ops.js';

/** Find the consumer (refreshing its seen time) or create it with xgroup-createconsumer. */
export function consumerFor(c: ClientSession, key: string, g: ConsumerGroup, name: string): Consumer {
  const now = c.server.clock.nowMs();
  const found = g.consumer(name);
  if (found !== undefined) {
    found.seenTimeMs = now;
    return found;
  }
  c.server.keyspace.stats.dirty++;
  c.db.notify(key, EventClass.stream, 'xgroup-createconsumer');
  return g.createConsumer(name, now);
}

/** Assign a pending entry to a consumer, moving it from its previous owner. */
export function assignNack(g: ConsumerGroup, id: StreamId, consumer: Consumer, nowMs: number): Nack {
  const nack = g.pel.get(id);
  if (nack === undefined) {
    const fresh: Nack = { deliveryTimeMs: nowMs, deliveryCount: 1, consumer };
    g.pel.set(id, fresh);
    consumer.pel.set(id, fresh);
    return fresh;
  }
  nack.consumer.pel.delete(id);
  nack.consumer = consumer;
  nack.deliveryTimeMs = nowMs;
  nack.deliveryCount = 1;
  consumer.pel.set(id, nack);
  return nack;
}

/**
 * Propagate a pending entry's state as the idempotent claim Redis sends:
 * XCLAIM key group owner 0 id TIME ms RETRYCOUNT n FORCE JUSTID LASTID group-last-id.
 */
export function propagateClaim(c: ClientSession, key: string, groupName: string, g: ConsumerGroup, id: string, nack: Nack): void {
  c.server.propagation.also(c.db.id, [
    'XCLAIM', key, groupName, nack.consumer.name, '0', id, 'TIME', String(nack.deliveryTimeMs),
    'RETRYCOUNT', String(nack.deliveryCount), 'FORCE', 'JUSTID', 'LASTID', formatId(g.lastId),
  ]);
}

/** Propagate the group's last ID and entries-read counter: XGROUP SETID … ENTRIESREAD n. */
export function propagateGroupId(c: ClientSession, key: string, groupName: string, g: ConsumerGroup): void {
  c.server.propagation.also(c.db.id, ['XGROUP', 'SETID', key, groupName, formatId(g.lastId), 'ENTRIESREAD', String(g.entriesRead)]);
}

/**
 * Deliver entries from `start` on (at most count, 0 = all) to the group's consumer;
 * `claimed` hears of each entry that entered the PEL.
 */
export function deliverNew(
  s: StreamValue, g: ConsumerGroup, consumer: Consumer, start: StreamId, count: number, noack: boolean, nowMs: number,
  claimed: (id: StreamId, nack: Nack) => void = () => undefined,
): Reply[] {
  const entries = s.range(start, MAX_ID, false, count);
  for (const e of entries) {
    if (e.id > g.lastId) {
      if (g.entriesRead !== -1 && !s.rangeHasTombstones(e.id)) g.entriesRead++;
      else if (s.entriesAdded !== 0) g.entriesRead = s.estimateDistance(e.id);
      g.lastId = e.id;
    }
    if (!noack) claimed(e.id, assignNack(g, e.id, consumer, nowMs));
  }
  return entries.map(entryReply);
}

/** The consumer's own pending entries from `start`: deleted entries come back with null fields. */
export function deliverHistory(s: StreamValue, consumer: Consumer, start: StreamId, count: number, nowMs: number): Reply[] {
  return consumer.pel.range(start, MAX_ID, count).map(([id, nack]) => {
    const e = s.get(id);
    if (e === undefined) return [formatId(id), reply.nullArray];
    nack.deliveryTimeMs = nowMs;
    nack.deliveryCount++;
    return entryReply(e);
  });
}
