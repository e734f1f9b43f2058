// One stream node as Redis 7.0 stores it (t_stream.c's layout): the radix-tree key, the master
// ID as 16 big-endian bytes, and a listpack of the master entry (live count, deleted count,
// master fields, 0) followed by entries (flags, ms and seq deltas, fields or only values, lp-count).
import { Buffer } from 'node:buffer';
import type { StreamEntry, StreamId, StreamNodeView } from '@cinnabar/storage';
import { RdbFormatError } from './errors.js';
import { decodeListpackEntries, decodeListpackPrefix, encodeListpack, listpackItemBytes, type ListpackItem } from './listpack.js';

const U64 = (1n << 64n) - 1n;
const TWO_63 = 1n << 63n;
const TWO_64 = 1n << 64n;
const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;

export interface LoadedStreamNode extends StreamNodeView {
  entries: StreamEntry[];
}

export function encodeNodeKey(id: StreamId): string {
  const b = Buffer.allocUnsafe(16);
  b.writeBigUInt64BE(id >> 64n, 0);
  b.writeBigUInt64BE(id & U64, 8);
  return b.toString('latin1');
}

export function decodeNodeKey(key: string): StreamId {
  if (key.length !== 16) throw new RdbFormatError('stream node key is not the size of a stream ID');
  const b = Buffer.from(key, 'latin1');
  return (b.readBigUInt64BE(0) << 64n) | b.readBigUInt64BE(8);
}

/** a - b as Redis stores a uint64 difference: wrapped to int64. */
function delta(a: bigint, b: bigint): number | bigint {
  let d = (a - b) & U64;
  if (d >= TWO_63) d -= TWO_64;
  const n = Number(d);
  return Number.isSafeInteger(n) ? n : d;
}

function hasMasterFields(fields: readonly string[], master: readonly string[]): boolean {
  if (fields.length !== master.length * 2) return false;
  for (let i = 0; i < master.length; i++) if (fields[i * 2] !== master[i]) return false;
  return true;
}

function pushEntry(items: ListpackItem[], node: StreamNodeView, id: StreamId, fields: readonly string[], deleted: boolean): void {
  const same = hasMasterFields(fields, node.masterFields);
  const n = fields.length / 2;
  items.push((deleted ? FLAG_DELETED : 0) | (same ? FLAG_SAMEFIELDS : 0), delta(id >> 64n, node.masterId >> 64n), delta(id & U64, node.masterId & U64));
  if (same) {
    for (let i = 1; i < fields.length; i += 2) items.push(fields[i] as string);
    items.push(n + 3);
  } else {
    items.push(n);
    for (const f of fields) items.push(f);
    items.push(2 * n + 4);
  }
}

/**
 * The node's listpack. Deleted entries' contents are not kept by our nodes, so the live entries
 * are written; when the node's last added entry was deleted, one deleted entry with that ID
 * (master fields, empty values) keeps the node's tail ID, which Redis's MINID trimming reads.
 */
export function encodeStreamNode(node: StreamNodeView): Buffer {
  const { entries, masterFields } = node;
  const lastLive = entries.length > 0 ? (entries[entries.length - 1] as StreamEntry).id : -1n;
  const tombstone = node.tailId > lastLive;
  const items: ListpackItem[] = [entries.length, tombstone ? 1 : 0, masterFields.length, ...masterFields, 0];
  for (const e of entries) pushEntry(items, node, e.id, e.fields, false);
  if (tombstone) {
    const fields: string[] = [];
    for (const f of masterFields) fields.push(f, '');
    pushEntry(items, node, node.tailId, fields, true);
  }
  return encodeListpack(items);
}

function corrupt(what: string): never {
  throw new RdbFormatError(`corrupt stream node: ${what}`);
}

/** True when a whole, well-typed entry starts at `at` (the lenient, unsanitized read). */
function entryFits(items: readonly ListpackItem[], at: number, masterCount: number): boolean {
  const flags = items[at];
  if (typeof flags !== 'number' || flags < 0 || flags > (FLAG_DELETED | FLAG_SAMEFIELDS)) return false;
  if (typeof items[at + 1] === 'string' || typeof items[at + 2] === 'string') return false;
  let n = masterCount;
  let len = 3 + 2 * n + 1;
  if ((flags & FLAG_SAMEFIELDS) === 0) {
    const c = items[at + 3];
    if (typeof c !== 'number' || c < 0) return false;
    n = c;
    len = 4 + 2 * n + 1;
  } else len = 3 + n + 1;
  return at + len <= items.length;
}

/**
 * Reads a node's listpack, checking its structure as Redis's deep sanitization does and more.
 * `sanitize` false (sanitize-dump-payload no) skips the count cross-checks Redis skips then,
 * keeping only what our structure relies on (decodable entries, ascending IDs).
 */
export function decodeStreamNode(masterId: StreamId, lp: Uint8Array, sanitize = true): LoadedStreamNode {
  const items = sanitize ? decodeListpackEntries(lp) : decodeListpackPrefix(lp);
  let at = 0;
  const int = (what: string, min: number, max: number): number => {
    const v = items[at++];
    if (typeof v !== 'number' || v < min || v > max) corrupt(`${what} is ${v === undefined ? 'missing' : 'invalid'}`);
    return v;
  };
  const anyInt = (what: string): bigint => {
    const v = items[at++];
    if (typeof v === 'string' || v === undefined) corrupt(`${what} is not an integer`);
    return BigInt(v);
  };
  const str = (): string => {
    const v = items[at++];
    if (v === undefined) corrupt('entry is truncated');
    return typeof v === 'string' ? v : String(v);
  };
  const live = int('entry count', 0, items.length);
  const deleted = int('deleted count', 0, items.length);
  const masterCount = int('master field count', 0, items.length);
  const masterFields: string[] = [];
  for (let i = 0; i < masterCount; i++) masterFields.push(str());
  int('master entry terminator', 0, 0);
  let masterBytes = 0;
  for (let i = 0; i < at; i++) masterBytes += listpackItemBytes(items[i] as ListpackItem);

  const masterMs = masterId >> 64n;
  const masterSeq = masterId & U64;
  const entries: StreamEntry[] = [];
  let deletedSeen = 0;
  let prev = masterId - 1n;
  while (at < items.length) {
    // Unsanitized, a node whose listpack was cut short keeps its whole entries only.
    if (!sanitize && !entryFits(items, at, masterCount)) break;
    const flags = int('entry flags', 0, FLAG_DELETED | FLAG_SAMEFIELDS);
    const id = (((masterMs + anyInt('entry ms delta')) & U64) << 64n) | ((masterSeq + anyInt('entry seq delta')) & U64);
    if (id <= prev) corrupt('entry IDs do not ascend from the node key');
    prev = id;
    const same = (flags & FLAG_SAMEFIELDS) !== 0;
    const n = same ? masterCount : int('entry field count', 0, items.length);
    const fields: string[] = new Array(2 * n);
    for (let i = 0; i < n; i++) {
      fields[2 * i] = same ? (masterFields[i] as string) : str();
      fields[2 * i + 1] = str();
    }
    if (sanitize) int('entry lp-count', same ? n + 3 : 2 * n + 4, same ? n + 3 : 2 * n + 4);
    else anyInt('entry lp-count');
    if (flags & FLAG_DELETED) deletedSeen++;
    else entries.push({ id, fields });
  }
  if (sanitize && (entries.length !== live || deletedSeen !== deleted)) corrupt('entry counts do not match the master entry');
  return { entries, deleted: sanitize ? deleted : deletedSeen, entriesBytes: lp.length - 7 - masterBytes, masterFields, masterId, tailId: prev < masterId ? masterId : prev };
}
