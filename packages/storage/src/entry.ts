// One key's slot in a database: its name, its value, and one small-integer word holding
// the access stamp (24-bit LRU clock or LFU stamp) and the two object-level facts OBJECT
// reports for strings. Kept this small on purpose: a million keys pay for every field.
// A small (listpack) hash is kept as its packed string alone, without its HashValue object.
// Expiry lives in the database's expires map, as in Redis.

import { HashValue, type PackedSlot } from './types/hash.js';
import type { Value } from './value.js';

const STAMP_MASK = 0xffffff;
/** The string was edited in place (APPEND, SETRANGE, SETBIT…): OBJECT ENCODING says raw. */
const RAW = 1 << 24;
/** A private copy (COPY's dup): a small integer is not the shared object, refcount 1. */
const UNSHARED = 1 << 25;
/** The snapshot visit bit (snapshot.ts): compared with the keyspace's current visit bit. */
const VISIT = 1 << 26;
/** `v` is the packed string of a listpack hash; `value` reads it through a HashValue view. */
const PACKED_HASH = 1 << 27;

export class Entry implements PackedSlot {
  private v: Value;
  private meta: number;

  constructor(
    readonly key: string,
    value: Value,
    stamp: number,
    visit = 0,
  ) {
    this.v = value;
    this.meta = (stamp & STAMP_MASK) | (visit === 0 ? 0 : VISIT);
    if (typeof value !== 'string' && value instanceof HashValue) value.moveInto(this);
  }

  get value(): Value {
    return (this.meta & PACKED_HASH) === 0 ? this.v : this.hashView();
  }

  /** Kept out of the `value` getter so that the getter stays small enough to inline. */
  private hashView(): HashValue {
    return HashValue.packedIn(this);
  }

  /** A new value is a new object: the in-place-edit and sharing facts no longer apply. */
  set value(value: Value) {
    this.meta &= STAMP_MASK | VISIT;
    // (A view of this very entry reads its packed string before `v` is replaced.)
    if (typeof value === 'string' || !(value instanceof HashValue) || !value.moveInto(this)) this.v = value;
  }

  /** The packed pairs of the listpack hash held here (HashValue's side of PackedSlot). */
  get packedHash(): string {
    return this.v as string;
  }

  set packedHash(packed: string) {
    this.v = packed;
    this.meta |= PACKED_HASH;
  }

  /** LRU clock (seconds, 24 bits) of the last access, or the LFU stamp under LFU. */
  get lru(): number {
    return this.meta & STAMP_MASK;
  }

  set lru(stamp: number) {
    this.meta = (this.meta & ~STAMP_MASK) | (stamp & STAMP_MASK);
  }

  /** The snapshot visit bit, 0 or 1. */
  get visit(): number {
    return (this.meta & VISIT) === 0 ? 0 : 1;
  }

  set visit(bit: number) {
    this.meta = bit === 0 ? this.meta & ~VISIT : this.meta | VISIT;
  }

  get rawString(): boolean {
    return (this.meta & RAW) !== 0;
  }

  set rawString(on: boolean) {
    this.meta = on ? this.meta | RAW : this.meta & ~RAW;
  }

  get unshared(): boolean {
    return (this.meta & UNSHARED) !== 0;
  }

  set unshared(on: boolean) {
    this.meta = on ? this.meta | UNSHARED : this.meta & ~UNSHARED;
  }
}
