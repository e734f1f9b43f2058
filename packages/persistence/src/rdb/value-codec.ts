// One value's RDB type byte and payload, both ways: writeValue picks the type Redis 7.0 would
// save for the value's encoding; readValue loads every type Redis 7.0 loads, validating deeply
// and leaving the value in the encoding Redis would after loading. Streams go to stream-codec.

import { Buffer } from 'node:buffer';
import { formatDouble, type Int64, parseInt64 } from '@cinnabar/common';
import {
  type EncodingLimits, HashValue, ListValue, SetValue, StreamValue, type Value, ZSetValue,
} from '@cinnabar/storage';
import { RdbEmptyKeyError, RdbFormatError, RdbTruncatedError } from './errors.js';
import { decodeIntset, encodeIntset } from './intset.js';
import { decodeListpack, decodeListpackEntries, decodeListpackPrefix, encodeListpack, type ListpackItem } from './listpack.js';
import { quicklistNodeSizes } from './quicklist-layout.js';
import type { RdbReader } from './rdb-reader.js';
import type { RdbWriter } from './rdb-writer.js';
import { readStream, writeStream } from './stream-codec.js';
import * as T from './types.js';
import { decodeZiplist } from './ziplist.js';
import { decodeZipmap } from './zipmap.js';

export interface ValueWriteOptions {
  /** rdbcompression: LZF for strings and blobs over 20 bytes. */
  compress: boolean;
}

/** Redis caps an intset at 2^30 entries whatever set-max-intset-entries says. */
const INTSET_HARD_MAX = 1 << 30;
/** double2ll's safe range: integral scores inside it are stored as listpack integers. */
const LL_HALF = 4611686018427387903;

/** True for the type bytes that introduce a key/value pair (rdbIsObjectType). */
export function isValueType(type: number): boolean {
  return (type >= 0 && type <= 7) || (type >= 9 && type <= 19);
}

/** The RDB type byte Redis 7.0 saves for this value. */
export function valueType(v: Value): number {
  if (typeof v === 'string') return T.RDB_TYPE_STRING;
  if (v instanceof ListValue) return T.RDB_TYPE_LIST_QUICKLIST_2;
  if (v instanceof SetValue) return v.encoding() === 'intset' ? T.RDB_TYPE_SET_INTSET : T.RDB_TYPE_SET;
  if (v instanceof HashValue) return v.encoding() === 'listpack' ? T.RDB_TYPE_HASH_LISTPACK : T.RDB_TYPE_HASH;
  if (v instanceof ZSetValue) return v.compact ? T.RDB_TYPE_ZSET_LISTPACK : T.RDB_TYPE_ZSET_2;
  if (v instanceof StreamValue) return T.RDB_TYPE_STREAM_LISTPACKS_2;
  throw new RdbFormatError(`no RDB type for a ${v.typeName} value`);
}

/** Type byte then payload (DUMP's body). */
export function writeValue(w: RdbWriter, v: Value, opts: ValueWriteOptions): void {
  if (typeof v === 'string') {
    w.writeByte(T.RDB_TYPE_STRING);
    w.writeString(v, opts.compress);
    return;
  }
  w.writeByte(valueType(v));
  writePayload(w, v, opts);
}

/** Type byte, key, payload: one key of an RDB file (the caller writes expiry/LRU opcodes first). */
export function writeKeyValue(w: RdbWriter, key: string, v: Value, opts: ValueWriteOptions): void {
  if (typeof v === 'string') {
    w.writeByte(T.RDB_TYPE_STRING);
    w.writeString(key, opts.compress);
    w.writeString(v, opts.compress);
    return;
  }
  w.writeByte(valueType(v));
  w.writeString(key, opts.compress);
  writePayload(w, v, opts);
}

function writePayload(w: RdbWriter, v: Exclude<Value, string>, opts: ValueWriteOptions): void {
  const compress = opts.compress;
  if (v instanceof ListValue) {
    const sizes = quicklistNodeSizes(v.values(), v.fill);
    w.writeLength(sizes.length);
    const values = v.values();
    for (const size of sizes) {
      const items = new Array<string>(size);
      for (let i = 0; i < size; i++) items[i] = values.next().value as string;
      w.writeLength(T.QUICKLIST_NODE_CONTAINER_PACKED);
      w.writeBuffer(encodeListpack(items), compress);
    }
  } else if (v instanceof SetValue) {
    if (v.encoding() === 'intset') {
      const ints: Int64[] = [];
      v.forEach((m) => ints.push(parseInt64(m) as Int64));
      w.writeBuffer(encodeIntset(ints), compress);
    } else {
      w.writeLength(v.size);
      v.forEach((m) => w.writeString(m, compress));
    }
  } else if (v instanceof HashValue) {
    if (v.encoding() === 'listpack') {
      const items: string[] = [];
      v.forEach((f, x) => items.push(f, x));
      w.writeBuffer(encodeListpack(items), compress);
    } else {
      w.writeLength(v.length);
      v.forEach((f, x) => {
        w.writeString(f, compress);
        w.writeString(x, compress);
      });
    }
  } else if (v instanceof ZSetValue) {
    const n = v.length;
    if (v.compact) {
      const items: ListpackItem[] = [];
      v.walk(0, n - 1, false, (m, s) => {
        items.push(m, listpackScore(s));
      });
      w.writeBuffer(encodeListpack(items), compress);
    } else {
      // Greatest first, as Redis saves a skiplist (its loader then inserts at the head).
      w.writeLength(n);
      v.walk(0, n - 1, true, (m, s) => {
        w.writeString(m, compress);
        w.writeBinaryDouble(s);
      });
    }
  } else if (v instanceof StreamValue) {
    writeStream(w, v, opts);
  }
}

/** A score as zzlInsertAt stores it: an integer when double2ll allows, else d2string's text. */
function listpackScore(s: number): ListpackItem {
  if (Number.isInteger(s) && s >= -LL_HALF && s <= LL_HALF) return Number.isSafeInteger(s) ? s + 0 : BigInt(s);
  return formatDouble(s);
}

/**
 * The value of a payload of the given type. Empty collections throw RdbEmptyKeyError (a file
 * loader skips the key, RESTORE refuses it); anything malformed throws RdbFormatError.
 */
/**
 * One value of RDB type `type`. `sanitize` false (sanitize-dump-payload no) relaxes the
 * consistency cross-checks Redis skips then; what our structures rely on is always checked.
 */
export function readValue(r: RdbReader, type: number, limits: EncodingLimits, sanitize = true): Value {
  switch (type) {
    case T.RDB_TYPE_STRING:
      return r.readString();
    case T.RDB_TYPE_LIST:
      return listOf(readStrings(r, 1), limits);
    case T.RDB_TYPE_SET:
      return setOf(readStrings(r, 1), limits);
    case T.RDB_TYPE_ZSET:
    case T.RDB_TYPE_ZSET_2:
      return readSkiplistZset(r, type === T.RDB_TYPE_ZSET_2, limits);
    case T.RDB_TYPE_HASH:
      return hashOf(readStrings(r, 2), limits, false);
    case T.RDB_TYPE_HASH_ZIPMAP:
      return checked('Zipmap', r.readBuffer(), (b) => hashOf(decodeZipmap(b), limits, false));
    case T.RDB_TYPE_LIST_ZIPLIST:
      return checked('List ziplist', r.readBuffer(), (b) => listOf(decodeZiplist(b), limits));
    case T.RDB_TYPE_SET_INTSET:
      return checked('Intset', r.readBuffer(), (b) => intsetOf(decodeIntset(b), limits));
    case T.RDB_TYPE_ZSET_ZIPLIST:
      return checked('Zset ziplist', r.readBuffer(), (b) => packedZset(decodeZiplist(b), limits));
    case T.RDB_TYPE_HASH_ZIPLIST:
      return checked('Hash ziplist', r.readBuffer(), (b) => hashOf(decodeZiplist(b), limits, true));
    case T.RDB_TYPE_LIST_QUICKLIST:
    case T.RDB_TYPE_LIST_QUICKLIST_2:
      return readQuicklist(r, type === T.RDB_TYPE_LIST_QUICKLIST_2, limits);
    case T.RDB_TYPE_HASH_LISTPACK:
      return checked('Hash listpack', r.readBuffer(), (b) => hashOf(sanitize ? decodeListpack(b) : pairsPrefix(b), limits, true));
    case T.RDB_TYPE_ZSET_LISTPACK:
      return checked('Zset listpack', r.readBuffer(), (b) => packedZset(sanitize ? decodeListpackEntries(b) : pairsPrefix(b), limits));
    case T.RDB_TYPE_STREAM_LISTPACKS:
    case T.RDB_TYPE_STREAM_LISTPACKS_2:
      return readStream(r, type, limits, sanitize);
    case T.RDB_TYPE_MODULE:
    case T.RDB_TYPE_MODULE_2:
      throw new RdbFormatError('module values are not supported');
    default:
      throw new RdbFormatError(`unknown RDB value type ${type}`);
  }
}

/**
 * Decode a packed blob, reporting any corruption (duplicates included) as Redis's
 * rdbReportCorruptRDB does: "<what> integrity check failed." — RESTORE logs it.
 */
/**
 * Unsanitized (sanitize-dump-payload no), a listpack of pairs damaged towards its end keeps its
 * readable whole pairs, where Redis would accept it and fail later on access.
 */
function pairsPrefix(b: Buffer): string[] {
  const items = decodeListpackPrefix(b).map((v) => (typeof v === 'string' ? v : String(v)));
  if (items.length % 2 === 1) items.pop();
  return items;
}

function checked<V>(what: string, blob: Buffer, decode: (b: Buffer) => V): V {
  try {
    return decode(blob);
  } catch (e) {
    if (e instanceof RdbEmptyKeyError || !(e instanceof RdbFormatError)) throw e;
    throw new RdbFormatError(`${what} integrity check failed. (${e.message})`);
  }
}

/** A length-prefixed run of strings, `per` strings per counted element. */
function readStrings(r: RdbReader, per: number): string[] {
  const n = r.readPlainLength();
  if (n * per > r.remaining) throw new RdbTruncatedError('element count larger than the payload');
  const out = new Array<string>(n * per);
  for (let i = 0; i < n * per; i++) out[i] = r.readString();
  return out;
}

function listOf(values: string[], limits: EncodingLimits): ListValue {
  if (values.length === 0) throw new RdbEmptyKeyError('list');
  return ListValue.from(values, limits.listMaxListpackSize);
}

function readQuicklist(r: RdbReader, v2: boolean, limits: EncodingLimits): ListValue {
  const nodes = r.readPlainLength();
  if (nodes > r.remaining) throw new RdbTruncatedError('quicklist node count larger than the payload');
  const values: string[] = [];
  for (let i = 0; i < nodes; i++) {
    let container = T.QUICKLIST_NODE_CONTAINER_PACKED;
    if (v2) {
      container = r.readPlainLength();
      if (container !== T.QUICKLIST_NODE_CONTAINER_PACKED && container !== T.QUICKLIST_NODE_CONTAINER_PLAIN) {
        throw new RdbFormatError('Quicklist integrity check failed.');
      }
    }
    const data = r.readBuffer();
    if (data.length === 0) throw new RdbFormatError('empty quicklist node');
    if (container === T.QUICKLIST_NODE_CONTAINER_PLAIN) {
      values.push(data.toString('latin1'));
      continue;
    }
    // Empty nodes are skipped silently, as Redis does; an all-empty list is an empty key.
    const items = checked(v2 ? 'Listpack' : 'Ziplist', data, (b) => (v2 ? decodeListpack(b) : decodeZiplist(b)));
    for (const x of items) values.push(x);
  }
  return listOf(values, limits);
}

/** RDB_TYPE_SET: an intset while members are integers and few enough, as Redis loads it. */
function setOf(members: string[], limits: EncodingLimits): SetValue {
  if (members.length === 0) throw new RdbEmptyKeyError('set');
  const max = Math.min(limits.setMaxIntsetEntries, INTSET_HARD_MAX);
  // forMember of a non-integer gives an empty table-encoded set.
  const s = members.length > max ? SetValue.forMember('') : new SetValue();
  for (const m of members) {
    if (!s.add(m, limits)) throw new RdbFormatError('Duplicate set members detected');
  }
  return s;
}

function intsetOf(ints: Int64[], limits: EncodingLimits): SetValue {
  if (ints.length <= limits.setMaxIntsetEntries) return new SetValue(ints);
  const s = SetValue.forMember('');
  for (const v of ints) s.add(String(v), limits);
  return s;
}

/**
 * A hash from flattened pairs. `packed` is true for listpack/ziplist payloads, which stay
 * listpacks unless they hold more pairs than hash-max-listpack-entries; other payloads also
 * convert when a field or value is longer than hash-max-listpack-value.
 */
function hashOf(flat: string[], limits: EncodingLimits, packed: boolean): HashValue {
  if (flat.length % 2 !== 0) throw new RdbFormatError('hash with an odd number of entries');
  const n = flat.length / 2;
  if (n === 0) throw new RdbEmptyKeyError('hash');
  const fields = new Array<string>(n);
  const values = new Array<string>(n);
  const seen = new Set<string>();
  let maxLen = 0;
  for (let i = 0; i < n; i++) {
    const f = flat[2 * i] as string;
    const v = flat[2 * i + 1] as string;
    seen.add(f);
    if (seen.size !== i + 1) throw new RdbFormatError('Duplicate hash fields detected (listpack with dup elements)');
    fields[i] = f;
    values[i] = v;
    if (f.length > maxLen) maxLen = f.length;
    if (v.length > maxLen) maxLen = v.length;
  }
  const listpack = n <= limits.hashMaxListpackEntries && (packed || maxLen <= limits.hashMaxListpackValue);
  return HashValue.withEncoding(fields, values, listpack);
}

/** Limits that keep a sorted set in the encoding chosen for it while it is filled. */
const KEEP_LISTPACK = { zsetMaxListpackEntries: Infinity, zsetMaxListpackValue: Infinity };
const KEEP_SKIPLIST = { zsetMaxListpackEntries: 0, zsetMaxListpackValue: 0 };

function zsetOf(members: string[], scores: number[], listpack: boolean): ZSetValue {
  const z = new ZSetValue();
  const keep = listpack ? KEEP_LISTPACK : KEEP_SKIPLIST;
  for (let i = 0; i < members.length; i++) {
    const score = scores[i] as number;
    if (Number.isNaN(score)) throw new RdbFormatError('Zset with NAN score detected');
    if (z.set(members[i] as string, score, keep) !== 'added') throw new RdbFormatError('Duplicate zset fields detected');
  }
  return z;
}

/** ZSET / ZSET_2: loaded as a skiplist, then a listpack if small enough (Redis's order). */
function readSkiplistZset(r: RdbReader, binary: boolean, limits: EncodingLimits): ZSetValue {
  const n = r.readPlainLength();
  if (n === 0) throw new RdbEmptyKeyError('zset');
  if (n > r.remaining) throw new RdbTruncatedError('zset length larger than the payload');
  const members = new Array<string>(n);
  const scores = new Array<number>(n);
  let maxLen = 0;
  for (let i = 0; i < n; i++) {
    const m = r.readString();
    members[i] = m;
    scores[i] = binary ? r.readBinaryDouble() : r.readDouble();
    if (m.length > maxLen) maxLen = m.length;
  }
  const listpack = n <= limits.zsetMaxListpackEntries && maxLen <= limits.zsetMaxListpackValue;
  if (!listpack) return zsetOf(members, scores, false);
  // Check NaN and duplicates on the cheap skiplist path first: a listpack build is O(n²).
  const seen = new Set(members);
  if (seen.size !== n) throw new RdbFormatError('Duplicate zset fields detected');
  return zsetOf(members, scores, true);
}

/** ZSET_ZIPLIST / ZSET_LISTPACK: member, score pairs; a listpack unless too many. */
function packedZset(items: ListpackItem[], limits: EncodingLimits): ZSetValue {
  if (items.length % 2 !== 0) throw new RdbFormatError('zset with an odd number of entries');
  const n = items.length / 2;
  if (n === 0) throw new RdbEmptyKeyError('zset');
  const members = new Array<string>(n);
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    members[i] = String(items[2 * i]);
    scores[i] = scoreOf(items[2 * i + 1] as ListpackItem);
  }
  if (new Set(members).size !== n) throw new RdbFormatError('Duplicate zset fields detected');
  return zsetOf(members, scores, n <= limits.zsetMaxListpackEntries);
}

/** A listpack score: an integer entry, or text as zzlStrtod reads it. */
function scoreOf(item: ListpackItem): number {
  if (typeof item !== 'string') return Number(item);
  const m = /^\s*([+-]?)inf(inity)?$/i.exec(item);
  if (m !== null) return m[1] === '-' ? -Infinity : Infinity;
  const d = item.length === 0 ? NaN : Number(item);
  if (Number.isNaN(d)) throw new RdbFormatError(`invalid zset score "${item}"`);
  return d;
}
