// XREAD and XREADGROUP (Redis's xreadCommand): option parsing, resolving `$` and `>`,
// serving every stream that has data now, or blocking until one does. A blocked client is
// served from the first of its streams with new entries, as a one-stream reply. XREADGROUP never
// propagates itself: each delivery as XCLAIM, with NOACK a new consumer and the group's new last ID.

import { RedisError, SyntaxError, WrongTypeError } from '@cinnabar/common';
import { type ClientSession, parseBlockTimeout } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { type ConsumerGroup, formatId, MAX_ID, type StreamId, StreamValue } from '@cinnabar/storage';
import { consumerFor, deliverHistory, deliverNew, propagateClaim, propagateGroupId } from './group-delivery.js';
import { boundArg, entryReply, idArg } from './stream-ops.js';

const BLOCKED_DEFAULT_COUNT = 1000;

interface ReadArgs {
  deadlineMs: number | null;
  count: number;
  keys: string[];
  idArgs: string[];
  group?: { name: string; consumer: string; noack: boolean };
}

function parseRead(c: ClientSession, argv: readonly string[], grouped: boolean): ReadArgs {
  const out: ReadArgs = { deadlineMs: null, count: 0, keys: [], idArgs: [] };
  let group: string | undefined;
  let consumer = '';
  let noack = false;
  let streamsAt = 0;
  for (let i = 1; i < argv.length; i++) {
    const more = argv.length - i - 1;
    const o = (argv[i] as string).toUpperCase();
    if (o === 'BLOCK' && more > 0) {
      out.deadlineMs = parseBlockTimeout(argv[++i] as string, c.server.clock.nowMs(), 'ms');
    } else if (o === 'COUNT' && more > 0) {
      out.count = Math.max(0, boundArg(argv[++i] as string));
    } else if (o === 'STREAMS' && more > 0) {
      streamsAt = i + 1;
      if ((argv.length - streamsAt) % 2 !== 0) {
        throw new RedisError("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
      }
      break;
    } else if (o === 'GROUP' && more >= 2) {
      if (!grouped) throw new RedisError('ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
      group = argv[i + 1] as string;
      consumer = argv[i + 2] as string;
      i += 2;
    } else if (o === 'NOACK') {
      if (!grouped) throw new RedisError('ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
      noack = true;
    } else {
      throw new SyntaxError();
    }
  }
  if (streamsAt === 0) throw new SyntaxError();
  if (grouped && group === undefined) throw new RedisError('ERR Missing GROUP option for XREADGROUP');
  const n = (argv.length - streamsAt) / 2;
  out.keys = argv.slice(streamsAt, streamsAt + n);
  out.idArgs = argv.slice(streamsAt + n);
  if (group !== undefined) out.group = { name: group, consumer, noack };
  return out;
}

/** XREAD's per-stream start point: "greater than" this ID; `>` is MAX_ID. */
function resolveIds(c: ClientSession, a: ReadArgs): { gts: StreamId[]; groups: (ConsumerGroup | undefined)[] } {
  const gts: StreamId[] = [];
  const groups: (ConsumerGroup | undefined)[] = [];
  a.keys.forEach((key, i) => {
    const e = c.db.lookupRead(key);
    if (e !== undefined && !(e.value instanceof StreamValue)) throw new WrongTypeError();
    const s = e?.value as StreamValue | undefined;
    if (a.group !== undefined) {
      const g = s?.groups.get(a.group.name);
      if (g === undefined) throw new RedisError(`NOGROUP No such key '${key}' or consumer group '${a.group.name}' in XREADGROUP with GROUP option`);
      groups.push(g);
    }
    const text = a.idArgs[i] as string;
    if (text === '$') {
      if (a.group !== undefined) {
        throw new RedisError('ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.');
      }
      gts.push(s?.lastId ?? 0n);
    } else if (text === '>') {
      if (a.group === undefined) throw new RedisError('ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
      gts.push(MAX_ID);
    } else {
      gts.push(idArg(text, 0n, true));
    }
  });
  return { gts, groups };
}

/** Serve one stream if it has something for this reader; null when it has not. */
function serveOne(c: ClientSession, a: ReadArgs, key: string, s: StreamValue, gt: StreamId, g: ConsumerGroup | undefined, count: number): Reply[] | null {
  const now = c.server.clock.nowMs();
  if (g === undefined || a.group === undefined) {
    if (gt === MAX_ID) return null;
    const entries = s.range(gt + 1n, MAX_ID, false, count);
    return entries.length === 0 ? null : entries.map(entryReply);
  }
  if (gt !== MAX_ID) {
    const consumer = groupConsumer(c, a.group, key, g);
    c.server.keyspace.stats.dirty++;
    return deliverHistory(s, consumer, gt + 1n, count, now);
  }
  const last = s.edge(true);
  if (last === undefined || last.id <= g.lastId) return null;
  const consumer = groupConsumer(c, a.group, key, g);
  c.server.keyspace.stats.dirty++;
  const { name, noack } = a.group;
  const lastBefore = g.lastId;
  const out = deliverNew(s, g, consumer, g.lastId + 1n, count, noack, now, (id, nack) => propagateClaim(c, key, name, g, formatId(id), nack));
  if (noack && g.lastId !== lastBefore) propagateGroupId(c, key, name, g);
  return out;
}

/** The reading consumer, created if new; with NOACK its creation propagates (no XCLAIM will). */
function groupConsumer(c: ClientSession, group: NonNullable<ReadArgs['group']>, key: string, g: ConsumerGroup) {
  if (group.noack && g.consumer(group.consumer) === undefined) {
    c.server.propagation.also(c.db.id, ['XGROUP', 'CREATECONSUMER', key, group.name, group.consumer]);
  }
  return consumerFor(c, key, g, group.consumer);
}

function shape(c: ClientSession, served: [string, Reply[]][]): Reply {
  if (c.resp === 2) return served.map(([k, es]) => [k, es]);
  return reply.map(served.flatMap(([k, es]) => [k, es]));
}

export function readGeneric(c: ClientSession, argv: readonly string[], grouped: boolean): Reply | undefined {
  if (grouped) c.server.propagation.prevent();
  const a = parseRead(c, argv, grouped);
  const { gts, groups } = resolveIds(c, a);
  const served: [string, Reply[]][] = [];
  a.keys.forEach((key, i) => {
    const s = c.db.peek(key)?.value;
    if (!(s instanceof StreamValue)) return;
    const got = serveOne(c, a, key, s, gts[i] as StreamId, groups[i], a.count);
    if (got !== null) served.push([key, got]);
  });
  if (served.length > 0) return shape(c, served);
  if (a.deadlineMs === null) return reply.nullArray;
  const db = c.db;
  const count = a.count === 0 ? BLOCKED_DEFAULT_COUNT : a.count;
  return c.server.blocking.block(c, {
    keys: a.keys,
    deadlineMs: a.deadlineMs,
    retry: () => {
      for (let i = 0; i < a.keys.length; i++) {
        const key = a.keys[i] as string;
        const v = db.peek(key)?.value;
        if (a.group !== undefined) {
          c.server.propagation.prevent();
          if (!(v instanceof StreamValue)) return reply.error('UNBLOCKED the stream key no longer exists');
          const g = v.groups.get(a.group.name);
          if (g === undefined) return reply.error('NOGROUP the consumer group this client was blocked on no longer exists');
          const got = serveOne(c, a, key, v, MAX_ID, g, count);
          if (got !== null) return shape(c, [[key, got]]);
        } else if (v instanceof StreamValue) {
          const got = serveOne(c, a, key, v, gts[i] as StreamId, undefined, count);
          if (got !== null) return shape(c, [[key, got]]);
        }
      }
      return undefined;
    },
    timeoutReply: () => reply.nullArray,
  });
}
