// Insertion-ordered index of a database's entries, so SCAN can resume from a cursor with
// Redis's guarantee: a key present for the whole scan is returned, whatever is added or
// removed meanwhile. A cursor is the sequence number of the next entry to visit; entries
// are appended with increasing sequence numbers and removed by tombstoning, and the array
// is compacted (order kept) once tombstones outnumber live entries.

import type { Entry } from './entry.js';

export class ScanIndex {
  private slots: Entry[] = [];
  private dead = 0;
  private nextSeq = 1;

  get live(): number {
    return this.slots.length - this.dead;
  }

  add(entry: Entry): void {
    entry.seq = this.nextSeq++;
    this.slots.push(entry);
  }

  remove(entry: Entry): void {
    entry.seq = -entry.seq; // tombstone: negative keeps its place in the order
    this.dead++;
    if (this.dead > 1024 && this.dead > this.slots.length / 2) this.compact();
  }

  clear(): void {
    this.slots = [];
    this.dead = 0;
  }

  private compact(): void {
    this.slots = this.slots.filter((e) => e.seq > 0);
    this.dead = 0;
  }

  /** Index of the first slot whose |seq| ≥ seq. */
  private lowerBound(seq: number): number {
    let lo = 0;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Math.abs((this.slots[mid] as Entry).seq) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Visit up to `count` slots (live or not, as Redis counts buckets) from the cursor.
   * Returns the next cursor, 0 when the walk is complete.
   */
  scan(cursor: number, count: number, visit: (e: Entry) => void): number {
    let i = this.lowerBound(cursor);
    const end = Math.min(this.slots.length, i + Math.max(1, count));
    for (; i < end; i++) {
      const e = this.slots[i] as Entry;
      if (e.seq > 0) visit(e);
    }
    if (i >= this.slots.length) return 0;
    return Math.abs((this.slots[i] as Entry).seq);
  }

  /** A uniformly chosen live entry, or undefined when empty. */
  random(pick: (n: number) => number): Entry | undefined {
    if (this.live === 0) return undefined;
    for (;;) {
      const e = this.slots[pick(this.slots.length)] as Entry;
      if (e.seq > 0) return e;
    }
  }

  *entries(): IterableIterator<Entry> {
    for (const e of this.slots) if (e.seq > 0) yield e;
  }
}
