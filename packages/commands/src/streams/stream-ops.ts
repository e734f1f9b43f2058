// What the stream commands share: typed lookups, ID arguments with Redis's error texts,
// the entry reply shape, and consumer-group lookups.

import { NotIntegerError, parseInt64, RedisError, WrongTypeError } from '@cinnabar/common';
import type { ClientSession } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import {
  type ConsumerGroup, type Database, type Entry, formatId, type StreamEntry, type StreamId, type StreamNodeLimits,
  parseStreamId, StreamValue,
} from '@cinnabar/storage';

export const INVALID_ID = 'ERR Invalid stream ID specified as stream command argument';
export const U64_MAX = (1n << 64n) - 1n;

export function asStream(e: Entry): StreamValue {
  if (!(e.value instanceof StreamValue)) throw new WrongTypeError();
  return e.value;
}

/** A stream for a read command; undefined when the key is absent. */
export function readStream(db: Database, key: string): StreamValue | undefined {
  const e = db.lookupRead(key);
  return e === undefined ? undefined : asStream(e);
}

/** A stream for a write command; undefined when the key is absent. */
export function writeStream(db: Database, key: string): StreamValue | undefined {
  const e = db.lookup(key);
  return e === undefined ? undefined : asStream(e);
}

/**
 * A count, length or time argument: any 64-bit integer Redis accepts, those beyond 2^53
 * clamped to the nearest safe integer. Only for values used as bounds (never stored and
 * echoed back), where no reachable size or clock tells the clamped value from the real one.
 */
export function boundArg(s: string, error: () => Error = () => new NotIntegerError()): number {
  const v = parseInt64(s);
  if (v === null) throw error();
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  return v;
}

export function nodeLimits(c: ClientSession): StreamNodeLimits {
  return c.server.keyspace.limits;
}

/** An ID argument: `ms` alone takes missingSeq; strict refuses bare `-`/`+`. */
export function idArg(text: string, missingSeq: bigint, strict = false): StreamId {
  const p = parseStreamId(text, missingSeq, strict);
  if (p === null) throw new RedisError(INVALID_ID);
  return p.id;
}

/** A range bound of XRANGE/XPENDING/XAUTOCLAIM: `(` makes it exclusive. */
export function intervalArg(text: string, missingSeq: bigint): { id: StreamId; exclusive: boolean } {
  if (text.length > 1 && text[0] === '(') return { id: idArg(text.slice(1), missingSeq, true), exclusive: true };
  return { id: idArg(text, missingSeq), exclusive: false };
}

export function entryReply(e: StreamEntry): Reply {
  return [formatId(e.id), e.fields.slice()];
}

export function noGroupError(key: string, group: string, suffix = ''): RedisError {
  return new RedisError(`NOGROUP No such key '${key}' or consumer group '${group}'${suffix}`);
}

/** The group of an existing stream, or NOGROUP (XREADGROUP adds a suffix). */
export function groupOf(s: StreamValue | undefined, key: string, group: string, suffix = ''): ConsumerGroup {
  const g = s?.groups.get(group);
  if (g === undefined) throw noGroupError(key, group, suffix);
  return g;
}

/** XREAD/XREADGROUP key positions: the first half of the arguments after STREAMS. */
export function streamsKeys(argv: readonly string[]): number[] {
  for (let i = 1; i < argv.length; i++) {
    if ((argv[i] as string).toUpperCase() !== 'STREAMS') continue;
    const n = Math.floor((argv.length - i - 1) / 2);
    return Array.from({ length: n }, (_, j) => i + 1 + j);
  }
  return [];
}
