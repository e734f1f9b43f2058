// The string type: every operation that reads or writes a string value (bitmaps included),
// with the keyspace events Redis emits for each. Values are latin1 JS strings; the pure
// byte logic lives in bitops.ts, bitfield.ts and lcs.ts.

import { Buffer } from 'node:buffer';
import { addDecimalStrings, addInt64, errors, type Int64, NotIntegerError, parseInt64, RedisError, WrongTypeError } from '@cinnabar/common';
import type { Database } from '../database.js';
import type { Entry } from '../entry.js';
import { EventClass } from '../events.js';
import { type BitfieldOp, highestWriteBit, runBitfield } from './bitfield.js';
import { type BitOp, bitOp, getBit, replaceByte, resolveRange, zeroPad } from './bitops.js';

export const MAX_STRING_BYTES = 512 * 1024 * 1024;
/** V8's longest string (2^29 - 24 chars): the real cap on a value, 24 bytes under 512 MB. */
export const MAX_JS_STRING_BYTES = 2 ** 29 - 24;

export interface SetOptions {
  nx?: boolean;
  xx?: boolean;
  keepTtl?: boolean;
  /** Absolute expiry in unix ms. */
  expireAtMs?: number;
  /** Return the old value (SET … GET). */
  get?: boolean;
}

export interface SetResult {
  written: boolean;
  /** The previous value when requested; null when absent. */
  old: string | null;
}

/** What GETEX does to the TTL once the key is known to hold a string. */
export type GetExExpiry =
  | { persist: true }
  /** `deleteNow` when an absolute time (EXAT/PXAT) has already passed. */
  | { persist?: false; atMs: number; deleteNow: boolean };

function stringOf(e: Entry | undefined): string | null {
  if (e === undefined) return null;
  if (typeof e.value !== 'string') throw new WrongTypeError();
  return e.value;
}

export class StringOps {
  constructor(private readonly db: Database) {}

  /** The value for a read (hits/misses counted), null when absent; WRONGTYPE otherwise. */
  get(key: string): string | null {
    return stringOf(this.db.lookupRead(key));
  }

  set(key: string, value: string, opts: SetOptions = {}): SetResult {
    const db = this.db;
    const old = opts.get ? this.get(key) : null;
    const existing = db.lookup(key);
    if ((opts.nx && existing !== undefined) || (opts.xx && existing === undefined)) return { written: false, old };
    const e = existing === undefined ? db.add(key, value) : db.overwrite(existing, value, opts.keepTtl === true);
    db.changed(key, EventClass.string, 'set');
    if (opts.expireAtMs !== undefined) {
      db.setExpiry(e, opts.expireAtMs);
      db.notify(key, EventClass.generic, 'expire');
    }
    return { written: true, old };
  }

  /** SET without options: the value replaces whatever the key held, its TTL dropped. */
  setPlain(key: string, value: string): void {
    const db = this.db;
    const existing = db.lookup(key);
    if (existing === undefined) db.add(key, value);
    else db.overwrite(existing, value);
    db.changed(key, EventClass.string, 'set');
  }

  /**
   * GETEX: the value, then the TTL change. `expiry` runs only once the key is known to hold
   * a string, so its argument errors come after WRONGTYPE and never for a missing key.
   */
  getEx(key: string, expiry?: () => GetExExpiry | null): string | null {
    const db = this.db;
    const e = db.lookupRead(key);
    const v = stringOf(e);
    if (e === undefined) return null;
    const change = expiry?.();
    if (!change) return v;
    if (change.persist) {
      if (db.expireAt(e) !== 0) {
        db.setExpiry(e, 0);
        db.changed(key, EventClass.generic, 'persist');
      }
    } else if (change.deleteNow) {
      db.remove(e);
      db.changed(key, EventClass.generic, 'del');
    } else {
      db.setExpiry(e, change.atMs);
      db.changed(key, EventClass.generic, 'expire');
    }
    return v;
  }

  /** GETDEL: the value, and the key removed. */
  getDel(key: string): string | null {
    const e = this.db.lookupRead(key);
    const v = stringOf(e);
    if (e !== undefined) {
      this.db.remove(e);
      this.db.changed(key, EventClass.generic, 'del');
    }
    return v;
  }

  /** MGET: one value per key, null for missing keys and for other types. */
  mget(keys: readonly string[]): (string | null)[] {
    return keys.map((k) => {
      const v = this.db.lookupRead(k)?.value;
      return typeof v === 'string' ? v : null;
    });
  }

  /** MSET/MSETNX over flat key, value pairs. With nx nothing is written if any key exists. */
  mset(pairs: readonly string[], nx: boolean): boolean {
    const db = this.db;
    if (nx) for (let i = 0; i < pairs.length; i += 2) if (db.lookup(pairs[i] as string) !== undefined) return false;
    for (let i = 0; i < pairs.length; i += 2) {
      const key = pairs[i] as string;
      db.setValue(key, pairs[i + 1] as string);
      db.changed(key, EventClass.string, 'set');
    }
    return true;
  }

  /** INCRBY and friends; the TTL is kept. */
  incrBy(key: string, delta: Int64): Int64 {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    let base: Int64 = 0;
    if (current !== null) {
      const parsed = parseInt64(current);
      if (parsed === null) throw new NotIntegerError();
      base = parsed;
    }
    const next = addInt64(base, delta);
    if (next === null) throw errors.err('increment or decrement would overflow');
    this.overwrite(key, e, String(next));
    this.db.changed(key, EventClass.string, 'incrby');
    return next;
  }

  /** INCRBYFLOAT on long doubles; the TTL is kept. Returns the stored text. */
  incrByFloat(key: string, delta: string): string {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    const text = addDecimalStrings(current ?? '0', delta);
    this.overwrite(key, e, text);
    this.db.changed(key, EventClass.string, 'incrbyfloat');
    return text;
  }

  append(key: string, suffix: string, maxBytes = MAX_STRING_BYTES): number {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    let length: number;
    if (e === undefined || current === null) {
      this.db.add(key, suffix);
      length = suffix.length;
    } else {
      checkSize(current.length + suffix.length, maxBytes);
      editInPlace(e, current + suffix);
      length = current.length + suffix.length;
    }
    this.db.changed(key, EventClass.string, 'append');
    return length;
  }

  strlen(key: string): number {
    return this.get(key)?.length ?? 0;
  }

  getRange(key: string, start: Int64, end: Int64): string {
    const s = this.get(key);
    if (s === null) return '';
    return sliceRange(s, start, end);
  }

  /** SETRANGE: the new length. An empty patch writes nothing (and creates no key). */
  setRange(key: string, offset: number, patch: string, maxBytes = MAX_STRING_BYTES): number {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    if (patch.length === 0) return current?.length ?? 0;
    checkSize(offset + patch.length, maxBytes);
    const base = zeroPad(current ?? '', offset);
    const next = base.slice(0, offset) + patch + base.slice(offset + patch.length);
    this.overwrite(key, e, next).rawString = true;
    this.db.changed(key, EventClass.string, 'setrange');
    return next.length;
  }

  /** SETBIT: the old bit. Only a real change (or growth) counts as a write. */
  setBit(key: string, offset: number, on: 0 | 1): 0 | 1 {
    const { entry, value, grew } = this.forBitWrite(key, offset);
    const old = getBit(value, offset);
    if (grew || old !== on) {
      const byte = Math.floor(offset / 8);
      const mask = 1 << (7 - (offset & 7));
      const c = value.charCodeAt(byte);
      editInPlace(entry, replaceByte(value, byte, on ? c | mask : c & ~mask));
      this.db.changed(key, EventClass.string, 'setbit');
    }
    return old;
  }

  /** BITOP into dest: the result length; an empty result deletes dest. */
  bitOp(op: BitOp, dest: string, sources: readonly string[]): number {
    const db = this.db;
    const values = sources.map((k) => stringOf(db.lookupRead(k)));
    const result = bitOp(op, values);
    if (result.length > 0) {
      db.setValue(dest, result).rawString = true;
      db.changed(dest, EventClass.string, 'set');
    } else if (db.delete(dest)) {
      db.changed(dest, EventClass.generic, 'del');
    }
    return result.length;
  }

  /** BITFIELD: one reply per op (null where OVERFLOW FAIL refused a write). */
  bitField(key: string, ops: readonly BitfieldOp[]): (bigint | null)[] {
    const high = highestWriteBit(ops);
    if (high < 0) {
      const s = this.get(key) ?? '';
      return ops.map((op) => runBitfield(bytesAround(s, op.offset, op.bits), [{ ...op, offset: op.offset & 7 }], false).replies[0] as bigint);
    }
    const { entry, value, grew } = this.forBitWrite(key, high);
    const buf = Buffer.from(value, 'latin1');
    const { replies, changes } = runBitfield(buf, ops, grew);
    editInPlace(entry, buf.toString('latin1'));
    if (changes > 0) this.db.changed(key, EventClass.string, 'setbit');
    return replies;
  }

  /**
   * The string entry for a bit write reaching `bit`, created or zero-padded as needed
   * (Redis keeps that growth even when no bit then changes).
   */
  private forBitWrite(key: string, bit: number): { entry: Entry; value: string; grew: boolean } {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    const bytes = Math.floor(bit / 8) + 1;
    if (bytes > MAX_JS_STRING_BYTES) throw new RedisError('ERR bit offset is not an integer or out of range');
    const value = zeroPad(current ?? '', bytes);
    const entry = e ?? this.db.add(key, value);
    editInPlace(entry, value); // Redis unshares the value into a raw string before any bit write
    return { entry, value, grew: e === undefined || value.length !== (current as string).length };
  }

  /** Replace the value of a looked-up entry, or add the key; the TTL is kept. */
  private overwrite(key: string, e: Entry | undefined, value: string): Entry {
    if (e === undefined) return this.db.add(key, value);
    e.value = value;
    return e;
  }
}

/** A value edited in place: Redis's object is then a raw string (OBJECT ENCODING). */
function editInPlace(e: Entry, value: string): void {
  e.value = value;
  e.rawString = true;
}

/** The (up to 9) bytes holding a field, zero-padded: reads never copy the whole string. */
function bytesAround(s: string, offset: number, bits: number): Uint8Array {
  const first = Math.floor(offset / 8);
  const last = Math.floor((offset + bits - 1) / 8);
  const out = new Uint8Array(last - first + 1);
  for (let i = first; i <= last && i < s.length; i++) out[i - first] = s.charCodeAt(i);
  return out;
}

/** GETRANGE's index arithmetic: negative from the end, clamped, empty when crossed. */
export function sliceRange(s: string, start: Int64, end: Int64): string {
  if (start < 0 && end < 0 && start > end) return '';
  const r = resolveRange(s.length, start, end);
  return r === null ? '' : s.slice(r[0], r[1] + 1);
}

export function checkSize(bytes: number, maxBytes = MAX_STRING_BYTES): void {
  if (bytes > Math.min(maxBytes, MAX_JS_STRING_BYTES)) throw new RedisError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
}
