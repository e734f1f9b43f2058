// The hash value: a packed string while small (OBJECT ENCODING "listpack"), a HashTable once
// a field or value outgrows hash-max-listpack-value or the pairs outnumber
// hash-max-listpack-entries — Redis 7.0's rules; the conversion never goes back.
// Commands own argument parsing, replies and keyspace events; this owns the data.

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

export class HashValue implements AggregateValue {
  /** The packed pairs (listpack) or the table. The only field: small hashes stay small. */
  private d: string | HashTable;

  constructor(data: string | HashTable = '') {
    this.d = data;
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
    return typeof this.d === 'string' ? 'listpack' : 'hashtable';
  }

  clone(): HashValue {
    return new HashValue(typeof this.d === 'string' ? this.d : this.d.clone());
  }

  get length(): number {
    return typeof this.d === 'string' ? lpLength(this.d) : this.d.size;
  }

  get(field: string): string | undefined {
    return typeof this.d === 'string' ? lpGet(this.d, field) : this.d.get(field);
  }

  has(field: string): boolean {
    return typeof this.d === 'string' ? lpFind(this.d, field) >= 0 : this.d.has(field);
  }

  /** HSTRLEN: the value's length, 0 for a missing field. */
  valueLength(field: string): number {
    if (typeof this.d !== 'string') return this.d.get(field)?.length ?? 0;
    const pos = lpFind(this.d, field);
    return pos < 0 ? 0 : lpValueLengthAt(this.d, pos);
  }

  /**
   * Redis's hashTypeTryConversion: before a write, any argument longer than
   * hash-max-listpack-value turns a listpack into a table — even for fields that exist.
   */
  tryConversion(args: readonly string[], limits: HashLimits): void {
    if (typeof this.d !== 'string') return;
    for (const a of args) {
      if (a.length > limits.hashMaxListpackValue) {
        this.convert();
        return;
      }
    }
  }

  /** Set a field; true when it is new. Converts as Redis's hashTypeSet does. */
  set(field: string, value: string, limits: HashLimits): boolean {
    let s = this.d;
    if (typeof s === 'string' && (field.length > limits.hashMaxListpackValue || value.length > limits.hashMaxListpackValue)) {
      s = this.convert();
    }
    if (typeof s !== 'string') return s.set(field, value);
    const pos = lpFind(s, field);
    if (pos >= 0) {
      this.d = lpReplaceValue(s, pos, value);
      return false;
    }
    this.d = lpAppend(s, field, value);
    if (lpLength(this.d) > limits.hashMaxListpackEntries) this.convert();
    return true;
  }

  /** Remove a field; true when it was there. */
  delete(field: string): boolean {
    const s = this.d;
    if (typeof s !== 'string') return s.delete(field);
    const pos = lpFind(s, field);
    if (pos < 0) return false;
    this.d = lpDeleteAt(s, pos);
    return true;
  }

  /** Every pair, in the encoding's order (insertion order for a listpack). */
  forEach(visit: (field: string, value: string) => void): void {
    const s = this.d;
    if (typeof s === 'string') lpForEach(s, visit);
    else for (let i = 0; i < s.size; i++) visit(s.fieldAt(i), s.valueAt(i));
  }

  /** DEBUG DIGEST: each pair digested on its own, xored in (order-insensitive, as Redis). */
  digest(d: { element(...parts: string[]): void }): void {
    this.forEach((f, v) => d.element(f, v));
  }

  /** Positional access: the table itself, or a listpack's pairs copied into arrays. */
  pairs(): HashPairs {
    const s = this.d;
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
    const s = this.d;
    if (typeof s === 'string') {
      lpForEach(s, visit);
      return 0;
    }
    return scanTable(s, cursor, count, visit);
  }

  private convert(): HashTable {
    const s = this.d;
    if (typeof s !== 'string') return s;
    const t = new HashTable();
    lpForEach(s, (f, v) => t.set(f, v));
    this.d = t;
    return t;
  }
}
