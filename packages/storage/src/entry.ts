// One key's slot in a database: the value, its expiry, its access clock, its position in
// the insertion-ordered scan index, and the two object-level facts Redis's OBJECT reports
// for strings (raw encoding after in-place edits, unshared small integers after COPY).

import type { Value } from './value.js';

export class Entry {
  private v: Value;
  /** The string was edited in place (APPEND, SETRANGE, SETBIT…): OBJECT ENCODING says raw. */
  rawString = false;
  /** A private copy (COPY's dup): a small integer is not the shared object, refcount 1. */
  unshared = false;

  constructor(
    readonly key: string,
    value: Value,
    /** Absolute expiry in unix ms; 0 when the key has no TTL. */
    public expiresAt: number,
    /** LRU clock (seconds, 24 bits) of the last access. */
    public lru: number,
    /** Insertion sequence; SCAN cursors are sequence numbers. Negative once deleted. */
    public seq: number,
  ) {
    this.v = value;
  }

  get value(): Value {
    return this.v;
  }

  /** A new value is a new object: the in-place-edit and sharing facts no longer apply. */
  set value(value: Value) {
    this.v = value;
    this.rawString = false;
    this.unshared = false;
  }
}
