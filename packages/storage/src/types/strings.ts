// The string type: every operation that reads or writes a string value, with the
// keyspace events Redis emits for each. Values are latin1 JS strings.

import { addDecimalStrings, addInt64, errors, type Int64, NotIntegerError, parseInt64, RedisError, WrongTypeError } from '@cinnabar/common';
import type { Database } from '../database.js';
import type { Entry } from '../entry.js';
import { EventClass } from '../events.js';

export const MAX_STRING_BYTES = 512 * 1024 * 1024;

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

function stringOf(e: Entry | undefined): string | null {
  if (e === undefined) return null;
  if (typeof e.value !== 'string') throw new WrongTypeError();
  return e.value;
}

export class StringOps {
  constructor(private readonly db: Database) {}

  get(key: string): string | null {
    return stringOf(this.db.lookupRead(key));
  }

  set(key: string, value: string, opts: SetOptions = {}): SetResult {
    const db = this.db;
    const existing = db.lookup(key);
    const old = opts.get ? stringOf(existing) : null;
    if ((opts.nx && existing !== undefined) || (opts.xx && existing === undefined)) return { written: false, old };
    const keepTtl = opts.keepTtl === true;
    let e: Entry;
    if (existing === undefined) e = db.add(key, value);
    else {
      existing.value = value;
      if (!keepTtl && existing.expiresAt !== 0) db.setExpiry(existing, 0);
      e = existing;
    }
    db.changed(key, EventClass.string, 'set');
    if (opts.expireAtMs !== undefined) {
      db.setExpiry(e, opts.expireAtMs);
      db.notify(key, EventClass.generic, 'expire');
    }
    return { written: true, old };
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
    const text = String(next);
    if (e === undefined) this.db.add(key, text);
    else e.value = text;
    this.db.changed(key, EventClass.string, 'incrby');
    return next;
  }

  incrByFloat(key: string, delta: string): string {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    if (current !== null && current.length > 5120) throw errors.err('value is not a valid float');
    const sum = addDecimalStrings(current ?? '0', delta);
    if (sum === null) throw errors.err('value is not a valid float');
    if (!Number.isFinite(sum.value)) throw errors.err('increment would produce NaN or Infinity');
    if (e === undefined) this.db.add(key, sum.text);
    else e.value = sum.text;
    this.db.changed(key, EventClass.string, 'incrbyfloat');
    return sum.text;
  }

  append(key: string, suffix: string): number {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    if (current === null) {
      this.db.add(key, suffix);
    } else {
      checkSize(current.length + suffix.length);
      (e as Entry).value = current + suffix;
    }
    this.db.changed(key, EventClass.string, 'append');
    return (current?.length ?? 0) + suffix.length;
  }

  strlen(key: string): number {
    return this.get(key)?.length ?? 0;
  }

  getRange(key: string, start: number, end: number): string {
    const s = this.get(key);
    if (s === null) return '';
    return sliceRange(s, start, end);
  }

  setRange(key: string, offset: number, patch: string): number {
    const e = this.db.lookup(key);
    const current = stringOf(e);
    if (patch.length === 0) return current?.length ?? 0;
    checkSize(offset + patch.length);
    const base = current ?? '';
    const padded = base.length < offset ? base + '\0'.repeat(offset - base.length) : base;
    const next = padded.slice(0, offset) + patch + padded.slice(offset + patch.length);
    if (e === undefined) this.db.add(key, next);
    else e.value = next;
    this.db.changed(key, EventClass.string, 'setrange');
    return next.length;
  }
}

/** GETRANGE's index arithmetic: negative from the end, clamped, empty when crossed. */
export function sliceRange(s: string, start: number, end: number): string {
  const len = s.length;
  if (start < 0 && end < 0 && start > end) return '';
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (len === 0 || start > end) return '';
  return s.slice(start, end + 1);
}

export function checkSize(bytes: number): void {
  if (bytes > MAX_STRING_BYTES) throw new RedisError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
}
