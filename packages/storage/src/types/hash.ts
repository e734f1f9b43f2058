// The hash value: a packed string while small (OBJECT ENCODING "listpack"), a HashTable once
// a field or value outgrows hash-max-listpack-value or the pairs outnumber
// hash-max-listpack-entries — Redis 7.0's rules; the conversion never goes back.
// Commands own argument parsing, replies and keyspace events; this owns the data. A stored
// listpack hash has no object of its own: its entry keeps the packed string (see PackedSlot).

import type { EncodingLimits } from '../encoding-limits.js';
import type { AggregateValue } from '../value.js';
import {
  lpAppend, lpDeleteAt, lpFind, lpForEach, lpFromPairs, lpGet, lpLength, lpReplaceValue, lpValueLengthAt,
} from './hash-listpack.js';
import { scanTable } from './hash-scan.js';
import { HashTable } from './hash-table.js';

export type HashLimits = Pick<EncodingLimits, 'hashMaxListpackEntries' | 'hashMaxListpackValue'>;

/** Pairs by position, for random sampling (HRANDFIELD). */
export interface HashPairs {
  readonly size: number;
  fieldAt(i: number): string;
  valueAt(i: number): string;
}

/**
 * Where a stored listpack hash keeps its packed string instead of a HashValue object (the
 * Entry, saving that object per small hash). A HashValue read from it is a view that reads and
 * writes the slot; it is meant for the command at hand, not to be kept.
 */
export interface PackedSlot {
  packedHash: string;
  /** Give the slot a value object again (the hash became a table). */
  value: AggregateValue | string;
}

/** The last view made: every command on one key reads it again instead of a new object. */
let lastView: HashValue | null = null;

export class HashValue implements AggregateValue {
  /** The packed pairs (listpack) or the table, while the value is not stored in a slot. */
  private d: string | HashTable;
  /** The slot holding the packed pairs, once stored (then `d` is unused). */
  private o: PackedSlot | null = null;

  constructor(data: string | HashTable = '') {
    this.d = data;
  }

  /** A view of the listpack hash a slot holds (any two views of one slot are interchangeable). */
  static packedIn(slot: PackedSlot): HashValue {
    const last = lastView;
    if (last !== null && last.o === slot) return last;
    const h = new HashValue();
    h.o = slot;
    lastView = h;
    return h;
  }

  /**
   * Storing this value in a slot: a listpack hands its packed string over (true) and this
   * object becomes a view of the slot; a table stays an object of its own (false).
   */
  moveInto(slot: PackedSlot): boolean {
    const s = this.data;
    if (typeof s !== 'string') return false;
    slot.packedHash = s;
    this.o = slot;
    this.d = '';
    return true;
  }

  private get data(): string | HashTable {
    return this.o === null ? this.d : this.o.packedHash;
  }

  private set data(d: string | HashTable) {
    const o = this.o;
    if (o === null) {
      this.d = d;
    } else if (typeof d === 'string') {
      o.packedHash = d;
    } else {
      // A table is an object again: the slot holds it from now on.
      this.d = d;
      this.o = null;
      o.value = this;
    }
  }

  /** A hash built from pairs, encoded as Redis would after HSET of them all. */
  static fromPairs(fields: readonly string[], values: readonly string[], limits: HashLimits): HashValue {
    const h = new HashValue();
    h.tryConversion([...fields, ...values], limits);
    for (let i = 0; i < fields.length; i++) h.set(fields[i] as string, values[i] as string, limits);
    return h;
  }

  /**
   * A hash of these distinct pairs in the encoding an RDB load decided (listpack or table),
   * with no conversion rule applied: Redis keeps a loaded listpack as it finds it.
   */
  static withEncoding(fields: readonly string[], values: readonly string[], listpack: boolean): HashValue {
    if (listpack) return new HashValue(lpFromPairs(fields, values));
    const t = new HashTable();
    for (let i = 0; i < fields.length; i++) t.set(fields[i] as string, values[i] as string);
    return new HashValue(t);
  }

  get typeName(): string {
    return 'hash';
  }

  encoding(): string {
    return typeof this.data === 'string' ? 'listpack' : 'hashtable';
  }

  clone(): HashValue {
    const s = this.data;
    return new HashValue(typeof s === 'string' ? s : s.clone());
  }

  get length(): number {
    const s = this.data;
    return typeof s === 'string' ? lpLength(s) : s.size;
  }

  get(field: string): string | undefined {
    const s = this.data;
    return typeof s === 'string' ? lpGet(s, field) : s.get(field);
  }

  has(field: string): boolean {
    const s = this.data;
    return typeof s === 'string' ? lpFind(s, field) >= 0 : s.has(field);
  }

  /** HSTRLEN: the value's length, 0 for a missing field. */
  valueLength(field: string): number {
    const s = this.data;
    if (typeof s !== 'string') return s.get(field)?.length ?? 0;
    const pos = lpFind(s, field);
    return pos < 0 ? 0 : lpValueLengthAt(s, pos);
  }

  /**
   * Redis's hashTypeTryConversion: before a write, any argument longer than
   * hash-max-listpack-value turns a listpack into a table — even for fields that exist.
   * Only `args[from..]` count (HSET passes its argv without copying it).
   */
  tryConversion(args: readonly string[], limits: HashLimits, from = 0): void {
    if (typeof this.data !== 'string') return;
    for (let i = from; i < args.length; i++) {
      if ((args[i] as string).length > limits.hashMaxListpackValue) {
        this.convert();
        return;
      }
    }
  }

  /** Set a field; true when it is new. Converts as Redis's hashTypeSet does. */
  set(field: string, value: string, limits: HashLimits): boolean {
    let s = this.data;
    if (typeof s === 'string' && (field.length > limits.hashMaxListpackValue || value.length > limits.hashMaxListpackValue)) {
      s = this.convert();
    }
    if (typeof s !== 'string') return s.set(field, value);
    const pos = lpFind(s, field);
    if (pos >= 0) {
      this.data = lpReplaceValue(s, pos, value);
      return false;
    }
    const grown = lpAppend(s, field, value);
    this.data = grown;
    if (lpLength(grown) > limits.hashMaxListpackEntries) this.convert();
    return true;
  }

  /** Remove a field; true when it was there. */
  delete(field: string): boolean {
    const s = this.data;
    if (typeof s !== 'string') return s.delete(field);
    const pos = lpFind(s, field);
    if (pos < 0) return false;
    this.data = lpDeleteAt(s, pos);
    return true;
  }

  /** Every pair, in the encoding's order (insertion order for a listpack). */
  forEach(visit: (field: string, value: string) => void): void {
    const s = this.data;
    if (typeof s === 'string') lpForEach(s, visit);
    else for (let i = 0; i < s.size; i++) visit(s.fieldAt(i), s.valueAt(i));
  }

  /** DEBUG DIGEST: each pair digested on its own, xored in (order-insensitive, as Redis). */
  digest(d: { element(...parts: string[]): void }): void {
    this.forEach((f, v) => d.element(f, v));
  }

  /** Positional access: the table itself, or a listpack's pairs copied into arrays. */
  pairs(): HashPairs {
    const s = this.data;
    if (typeof s !== 'string') return s;
    const fields: string[] = [];
    const values: string[] = [];
    lpForEach(s, (f, v) => {
      fields.push(f);
      values.push(v);
    });
    return { size: fields.length, fieldAt: (i) => fields[i] as string, valueAt: (i) => values[i] as string };
  }

  /**
   * One HSCAN step. A listpack answers everything at once with cursor 0 whatever the cursor,
   * as Redis does; a table walks with a live cursor (hash-scan.ts).
   */
  scan(cursor: number, count: number, visit: (field: string, value: string) => void): number {
    const s = this.data;
    if (typeof s === 'string') {
      lpForEach(s, visit);
      return 0;
    }
    return scanTable(s, cursor, count, visit);
  }

  private convert(): HashTable {
    const s = this.data;
    if (typeof s !== 'string') return s;
    const t = new HashTable();
    lpForEach(s, (f, v) => t.set(f, v));
    this.data = t;
    return t;
  }
}
