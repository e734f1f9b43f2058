// Insertion-ordered index of a database's entries, so SCAN can resume from a cursor with
// Redis's guarantee: a key present for the whole scan is returned, whatever is added or
// removed meanwhile. A cursor is the sequence number of the next entry to visit; entries
// are appended with increasing sequence numbers and removed by tombstoning (negated seq),
// and the array is compacted (order kept) once tombstones outnumber live entries, so a
// cursor — a position in sequence order, not in the array — stays valid across compaction.

import type { Entry } from './entry.js';

/** Tombstones tolerated before compaction is considered at all. */
const MIN_DEAD_TO_COMPACT = 1024;

export class ScanIndex {
  private slots: Entry[] = [];
  private dead = 0;
  private nextSeq = 1;

  get live(): number {
    return this.slots.length - this.dead;
  }

  /** Slots held, tombstones included (for tests and memory introspection). */
  get capacity(): number {
    return this.slots.length;
  }

  add(entry: Entry): void {
    entry.seq = this.nextSeq++;
    this.slots.push(entry);
  }

  remove(entry: Entry): void {
    if (entry.seq <= 0) return;
    entry.seq = -entry.seq;
    this.dead++;
    if (this.dead > MIN_DEAD_TO_COMPACT && this.dead > this.slots.length / 2) this.compact();
  }

  clear(): void {
    this.slots = [];
    this.dead = 0;
  }

  /** Drop tombstones, keeping order. Safe at any time outside scan(): cursors are seqs. */
  compact(): void {
    if (this.dead === 0) return;
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
   * Collect the live entries among up to `count` slots (tombstones count, as Redis counts
   * buckets) from the cursor into `out`. Returns the next cursor, 0 when the walk is
   * complete. Nothing is removed meanwhile, so callers may delete what they collected.
   */
  scan(cursor: number, count: number, out: Entry[]): number {
    const slots = this.slots;
    let i = cursor <= 1 ? 0 : this.lowerBound(cursor);
    const end = Math.min(slots.length, i + Math.max(1, count));
    for (; i < end; i++) {
      const e = slots[i] as Entry;
      if (e.seq > 0) out.push(e);
    }
    if (i >= slots.length) return 0;
    return Math.abs((slots[i] as Entry).seq);
  }

  /** A uniformly chosen live entry, or undefined when empty. */
  random(pick: (n: number) => number): Entry | undefined {
    if (this.live === 0) return undefined;
    // Keep the expected number of picks below two.
    if (this.dead > this.live) this.compact();
    for (;;) {
      const e = this.slots[pick(this.slots.length)] as Entry;
      if (e.seq > 0) return e;
    }
  }

  *entries(): IterableIterator<Entry> {
    for (const e of this.slots) if (e.seq > 0) yield e;
  }
}
