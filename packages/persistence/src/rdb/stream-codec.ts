// A stream's RDB payload (types 15 and 19, as rdb.c saves and loads it): the nodes, the
// stream counters, then consumer groups with their global PEL and consumers. Loading checks
// what Redis's sanitizer checks and what our structure relies on (ID order, PEL ownership).
import { Buffer } from 'node:buffer';
import { type Consumer, ConsumerGroup, type EncodingLimits, type Nack, type StreamId, type StreamMeta, StreamValue, MAX_ID } from '@cinnabar/storage';
import { RdbFormatError } from './errors.js';
import { RDB_64BITLEN } from './types.js';
import type { RdbReader } from './rdb-reader.js';
import type { RdbWriter } from './rdb-writer.js';
import { decodeNodeKey, decodeStreamNode, encodeNodeKey, encodeStreamNode, type LoadedStreamNode } from './stream-listpack.js';

const U64 = (1n << 64n) - 1n;
/** rdbSaveLen of SCG_INVALID_ENTRIES_READ (-1 as uint64). */
const ENTRIES_READ_UNKNOWN = U64;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** rdbSaveLen of a full uint64 (IDs reach 2^64-1): the 64-bit form once beyond 2^53. */
function writeLength64(w: RdbWriter, v: bigint): void {
  if (v <= SAFE) return w.writeLength(Number(v));
  const b = Buffer.allocUnsafe(9);
  b[0] = RDB_64BITLEN;
  b.writeBigUInt64BE(v, 1);
  w.writeBytes(b);
}

function readLength64(r: RdbReader): bigint {
  if (r.pos < r.end && r.buf[r.pos] === RDB_64BITLEN) {
    r.pos++;
    return r.readBytes(8).readBigUInt64BE(0);
  }
  return BigInt(r.readPlainLength());
}

function writeId(w: RdbWriter, id: StreamId): void {
  writeLength64(w, id >> 64n);
  writeLength64(w, id & U64);
}

function rawId(id: StreamId): Buffer {
  const b = Buffer.allocUnsafe(16);
  b.writeBigUInt64BE(id >> 64n, 0);
  b.writeBigUInt64BE(id & U64, 8);
  return b;
}

/** The payload after the type byte (19, STREAM_LISTPACKS_2), as rdbSaveObject writes it. */
export function writeStream(w: RdbWriter, v: StreamValue, opts: { compress: boolean } = { compress: true }): void {
  const nodes = v.nodeViews();
  w.writeLength(nodes.length);
  for (const n of nodes) {
    w.writeString(encodeNodeKey(n.masterId), false);
    w.writeBuffer(encodeStreamNode(n), opts.compress);
  }
  w.writeLength(v.length);
  writeId(w, v.lastId);
  writeId(w, v.firstId);
  writeId(w, v.maxDeletedId);
  w.writeLength(v.entriesAdded);
  const groups = v.sortedGroups();
  w.writeLength(groups.length);
  for (const [name, g] of groups) {
    w.writeString(name, opts.compress);
    writeId(w, g.lastId);
    if (g.entriesRead < 0) writeLength64(w, ENTRIES_READ_UNKNOWN);
    else w.writeLength(g.entriesRead);
    const pel = g.pel.range(0n, MAX_ID);
    w.writeLength(pel.length);
    for (const [id, nack] of pel) {
      w.writeBytes(rawId(id));
      w.writeMillis(nack.deliveryTimeMs);
      w.writeLength(nack.deliveryCount);
    }
    const consumers = g.sortedConsumers();
    w.writeLength(consumers.length);
    for (const c of consumers) {
      w.writeString(c.name, opts.compress);
      w.writeMillis(c.seenTimeMs);
      const own = c.pel.range(0n, MAX_ID);
      w.writeLength(own.length);
      for (const [id] of own) w.writeBytes(rawId(id));
    }
  }
}

function corrupt(what: string): never {
  throw new RdbFormatError(`corrupt stream: ${what}`);
}

function readId(r: RdbReader): StreamId {
  const ms = readLength64(r);
  return (ms << 64n) | readLength64(r);
}

function readRawId(r: RdbReader): StreamId {
  const b = r.readBytes(16);
  return (b.readBigUInt64BE(0) << 64n) | b.readBigUInt64BE(8);
}

function count(r: RdbReader, what: string): number {
  const n = readLength64(r);
  if (n > SAFE) corrupt(`${what} out of range`);
  return Number(n);
}

function readNodes(r: RdbReader, sanitize: boolean): LoadedStreamNode[] {
  const n = count(r, 'node count');
  const nodes: LoadedStreamNode[] = [];
  let prevTail = -1n;
  for (let i = 0; i < n; i++) {
    const masterId = decodeNodeKey(r.readString());
    let node: LoadedStreamNode;
    try {
      node = decodeStreamNode(masterId, r.readBuffer(), sanitize);
    } catch (e) {
      // Redis's wording for any damage inside a node's listpack.
      if (e instanceof RdbFormatError) throw new RdbFormatError(`Stream listpack integrity check failed. (${e.message})`);
      throw e;
    }
    if (masterId <= prevTail) corrupt('nodes overlap or are out of order');
    prevTail = node.tailId;
    nodes.push(node);
  }
  return nodes;
}

/** Reads a type 15 or 19 payload into a stream, with Redis 7.0's defaults for what 15 lacks. */
export function readStream(r: RdbReader, type: 15 | 19, _limits?: EncodingLimits, sanitize = true): StreamValue {
  const nodes = readNodes(r, sanitize);
  let live = 0;
  for (const n of nodes) live += n.entries.length;
  const meta: StreamMeta = { length: count(r, 'length'), lastId: readId(r), firstId: 0n, maxDeletedId: 0n, entriesAdded: 0 };
  if (sanitize && meta.length !== live) corrupt('length does not match its entries');
  if (!sanitize) meta.length = live;
  const tail = nodes[nodes.length - 1];
  if (tail !== undefined && meta.lastId < tail.tailId) {
    if (sanitize) corrupt('last ID is below an entry ID');
    meta.lastId = tail.tailId;
  }
  if (type === 19) {
    meta.firstId = readId(r);
    meta.maxDeletedId = readId(r);
    meta.entriesAdded = count(r, 'entries added');
  } else {
    meta.entriesAdded = meta.length;
    meta.firstId = nodes.find((n) => n.entries.length > 0)?.entries[0]?.id ?? MAX_ID;
  }
  const s = StreamValue.fromNodes(nodes, meta);
  const groups = count(r, 'group count');
  for (let i = 0; i < groups; i++) readGroup(r, s, type);
  return s;
}

function readGroup(r: RdbReader, s: StreamValue, type: 15 | 19): void {
  const name = r.readString();
  if (s.groups.has(name)) corrupt(`duplicated consumer group name ${name}`);
  const lastId = readId(r);
  let entriesRead: number;
  if (type === 19) {
    const raw = readLength64(r);
    if (raw === ENTRIES_READ_UNKNOWN) entriesRead = -1;
    else if (raw > SAFE) corrupt('group entries-read out of range');
    else entriesRead = Number(raw);
  } else {
    entriesRead = s.estimateDistance(lastId);
  }
  const g = new ConsumerGroup(lastId, entriesRead);
  s.groups.set(name, g);
  // The global PEL comes first; each NACK gets its owner when a consumer's PEL names it.
  const pending = new Map<StreamId, { deliveryTimeMs: number; deliveryCount: number; consumer: Consumer | null }>();
  const pelSize = count(r, 'PEL size');
  for (let i = 0; i < pelSize; i++) {
    const id = readRawId(r);
    const deliveryTimeMs = r.readMillis();
    const deliveryCount = count(r, 'delivery count');
    if (pending.has(id)) corrupt('duplicated global PEL entry');
    pending.set(id, { deliveryTimeMs, deliveryCount, consumer: null });
  }
  const consumers = count(r, 'consumer count');
  for (let i = 0; i < consumers; i++) {
    const cname = r.readString();
    if (g.consumers.has(cname)) corrupt('Duplicate stream consumer detected.');
    const c = g.createConsumer(cname, r.readMillis());
    const own = count(r, 'consumer PEL size');
    for (let j = 0; j < own; j++) {
      const id = readRawId(r);
      const p = pending.get(id);
      if (p === undefined) corrupt('consumer entry not found in group global PEL');
      if (p.consumer !== null) corrupt('PEL entry owned by two consumers');
      p.consumer = c;
      c.pel.set(id, p as Nack);
    }
  }
  for (const [id, p] of pending) {
    if (p.consumer === null) corrupt('group PEL entry without consumer');
    g.pel.set(id, p as Nack);
  }
}
