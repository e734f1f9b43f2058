// A command-format AOF base (aof-use-rdb-preamble no): each key of a snapshot rebuilt with
// the commands Redis's rewriteAppendOnlyFileRio emits — SET, RPUSH/SADD/ZADD/HMSET in runs of
// 64 items, streams via XADD + XSETID + XGROUP CREATE/CREATECONSUMER + XCLAIM, PEXPIREAT.

import { formatDouble } from '@cinnabar/common';
import { encodeCommand } from '@cinnabar/resp';
import {
  HashValue, ListValue, MAX_ID, SetValue, type SnapshotRecord, StreamValue, ZSetValue, formatId, type Value,
} from '@cinnabar/storage';

/** AOF_REWRITE_ITEMS_PER_CMD. */
export const ITEMS_PER_CMD = 64;

/** One variadic command per run of up to 64 items (each item one or two arguments). */
function batched(cmd: string, key: string, items: readonly string[], width: number): string {
  let out = '';
  const per = ITEMS_PER_CMD * width;
  for (let i = 0; i < items.length; i += per) out += encodeCommand([cmd, key, ...items.slice(i, i + per)]);
  return out;
}

function streamCommands(key: string, s: StreamValue): string {
  let out = '';
  if (s.length > 0) {
    for (const e of s.range(0n, MAX_ID)) out += encodeCommand(['XADD', key, formatId(e.id), ...e.fields]);
  } else {
    // An empty stream: the XADD MAXLEN 0 trick creates the key.
    out += encodeCommand(['XADD', key, 'MAXLEN', '0', '0-1', 'x', 'y']);
  }
  out += encodeCommand(['XSETID', key, formatId(s.lastId), 'ENTRIESADDED', String(s.entriesAdded), 'MAXDELETEDID', formatId(s.maxDeletedId)]);
  for (const [name, g] of s.sortedGroups()) {
    out += encodeCommand(['XGROUP', 'CREATE', key, name, formatId(g.lastId), 'ENTRIESREAD', String(g.entriesRead)]);
    for (const c of g.sortedConsumers()) {
      if (c.pel.size === 0) {
        out += encodeCommand(['XGROUP', 'CREATECONSUMER', key, name, c.name]);
        continue;
      }
      for (const [id, nack] of c.pel.range(0n, MAX_ID)) {
        out += encodeCommand(['XCLAIM', key, name, c.name, '0', formatId(id), 'TIME', String(nack.deliveryTimeMs),
          'RETRYCOUNT', String(nack.deliveryCount), 'JUSTID', 'FORCE']);
      }
    }
  }
  return out;
}

/** The commands that rebuild one value under `key` (without its expiry). */
export function valueCommands(key: string, v: Value): string {
  if (typeof v === 'string') return encodeCommand(['SET', key, v]);
  if (v instanceof ListValue) return batched('RPUSH', key, v.toArray(), 1);
  if (v instanceof SetValue) return batched('SADD', key, v.members(), 1);
  if (v instanceof ZSetValue) {
    const items: string[] = [];
    v.walk(0, v.length - 1, false, (member, score) => {
      items.push(formatDouble(score), member);
    });
    return batched('ZADD', key, items, 2);
  }
  if (v instanceof HashValue) {
    const items: string[] = [];
    v.forEach((f, val) => {
      items.push(f, val);
    });
    return batched('HMSET', key, items, 2);
  }
  if (v instanceof StreamValue) return streamCommands(key, v);
  throw new Error(`cannot rewrite a value of type ${v.typeName}`);
}

/** Streams the commands of snapshot records, with a SELECT at each database change. */
export class CommandBaseWriter {
  private db = -1;

  /** The annotation Redis puts first when aof-timestamp-enabled is on. */
  static timestamp(unixSec: number): string {
    return `#TS:${unixSec}\r\n`;
  }

  records(recs: readonly SnapshotRecord[]): string {
    let out = '';
    for (const r of recs) {
      if (r.db !== this.db) {
        this.db = r.db;
        out += encodeCommand(['SELECT', String(r.db)]);
      }
      out += valueCommands(r.key, r.value);
      if (r.expiresAt > 0) out += encodeCommand(['PEXPIREAT', r.key, String(r.expiresAt)]);
    }
    return out;
  }
}
