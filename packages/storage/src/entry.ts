// One key's slot in a database: the value, its expiry, its access clock and its position
// in the insertion-ordered scan index.

import type { Value } from './value.js';

export class Entry {
  constructor(
    readonly key: string,
    public value: Value,
    /** Absolute expiry in unix ms; 0 when the key has no TTL. */
    public expiresAt: number,
    /** LRU clock (seconds, 24 bits) of the last access. */
    public lru: number,
    /** Insertion sequence; SCAN cursors are sequence numbers. 0 once deleted. */
    public seq: number,
  ) {}
}
