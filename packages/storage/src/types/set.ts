// The set value: a sorted array of integers while every member is a 64-bit integer and there
// are at most set-max-intset-entries of them (OBJECT ENCODING "intset"), a MemberTable
// otherwise — Redis 7.0's rules (no listpack sets); the conversion never goes back.
// Commands own argument parsing, replies and keyspace events; this owns the data.

import { type Int64, parseInt64, type Random } from '@cinnabar/common';
import type { EncodingLimits } from '../encoding-limits.js';
import { ScanCursors } from '../scan-cursors.js';
import type { AggregateValue } from '../value.js';
import { MemberTable } from './set-table.js';

export type SetLimits = Pick<EncodingLimits, 'setMaxIntsetEntries'>;

/** Redis caps the intset at 2^30 entries whatever the config says. */
const INTSET_HARD_MAX = 1 << 30;

/** SSCAN walks over hashtable sets: cursors name live iterators of the member maps. */
const scans = new ScanCursors<string, number>();

/** Index of v in the sorted array, or -(insertion point) - 1 when absent. */
function search(a: readonly Int64[], v: Int64): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = a[mid] as Int64;
    if (m < v) lo = mid + 1;
    else if (m > v) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

export class SetValue implements AggregateValue {
  /** The sorted integers (intset) or the table. */
  private d: Int64[] | MemberTable;

  constructor(data: Int64[] | MemberTable = []) {
    this.d = data;
  }

  /** Redis's setTypeCreate: an intset when the first member to add is an integer. */
  static forMember(first: string): SetValue {
    return new SetValue(parseInt64(first) === null ? new MemberTable() : []);
  }

  /** A set of these members, encoded as SADD of them all into a fresh key would leave it. */
  static of(members: readonly string[], limits: SetLimits): SetValue {
    const s = members.length === 0 ? new SetValue() : SetValue.forMember(members[0] as string);
    for (const m of members) s.add(m, limits);
    return s;
  }

  get typeName(): string {
    return 'set';
  }

  encoding(): string {
    return Array.isArray(this.d) ? 'intset' : 'hashtable';
  }

  clone(): SetValue {
    return new SetValue(Array.isArray(this.d) ? this.d.slice() : this.d.clone());
  }

  get size(): number {
    return Array.isArray(this.d) ? this.d.length : this.d.size;
  }

  has(member: string): boolean {
    const s = this.d;
    if (!Array.isArray(s)) return s.has(member);
    const v = parseInt64(member);
    return v !== null && search(s, v) >= 0;
  }

  /** Add a member; true when it is new. Converts as Redis's setTypeAdd does. */
  add(member: string, limits: SetLimits): boolean {
    const s = this.d;
    if (!Array.isArray(s)) return s.add(member);
    const v = parseInt64(member);
    if (v === null) return this.convert().add(member);
    const at = search(s, v);
    if (at >= 0) return false;
    s.splice(-at - 1, 0, v);
    if (s.length > Math.min(limits.setMaxIntsetEntries, INTSET_HARD_MAX)) this.convert();
    return true;
  }

  /** Remove a member; true when it was there. */
  delete(member: string): boolean {
    const s = this.d;
    if (!Array.isArray(s)) return s.delete(member);
    const v = parseInt64(member);
    const at = v === null ? -1 : search(s, v);
    if (at < 0) return false;
    s.splice(at, 1);
    return true;
  }

  /** The member at a position of the encoding's order (0 ≤ i < size), for random picks. */
  at(i: number): string {
    const s = this.d;
    return Array.isArray(s) ? String(s[i]) : s.at(i);
  }

  /** A uniformly random member; the set must not be empty. */
  random(random: Random): string {
    return this.at(random.int(this.size));
  }

  /** Every member in the encoding's order (ascending for an intset). */
  forEach(visit: (member: string) => void): void {
    const s = this.d;
    if (Array.isArray(s)) for (const v of s) visit(String(v));
    else for (let i = 0; i < s.size; i++) visit(s.at(i));
  }

  members(): string[] {
    const out: string[] = [];
    this.forEach((m) => out.push(m));
    return out;
  }

  /** DEBUG DIGEST: each member's SHA1 xored in (order-insensitive, as Redis). */
  digest(d: { xor(data: string): void }): void {
    this.forEach((m) => d.xor(m));
  }

  /**
   * One SSCAN step. An intset answers everything at once with cursor 0 whatever the cursor,
   * as Redis does; a table walks with a live cursor (a member present for the whole scan is
   * returned, whatever is added or removed meanwhile).
   */
  scan(cursor: number, count: number, visit: (member: string) => void): number {
    const s = this.d;
    if (Array.isArray(s)) {
      this.forEach(visit);
      return 0;
    }
    return scans.step(s.members as Map<string, number>, cursor, count, (m) => visit(m));
  }

  private convert(): MemberTable {
    const s = this.d;
    if (!Array.isArray(s)) return s;
    const t = new MemberTable();
    for (const v of s) t.add(String(v));
    this.d = t;
    return t;
  }
}
