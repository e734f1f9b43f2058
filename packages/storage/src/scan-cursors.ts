// SCAN cursors over a JS Map. A cursor names a live Map iterator kept in a bounded table:
// Map iterators survive insertions and deletions (deleted entries are skipped, new ones are
// visited), which is exactly SCAN's guarantee — every key present for the whole scan is
// returned, and none twice. Cursor 0 starts a walk and is returned when it ends. A cursor
// that was evicted from the table (more than MAX_OPEN walks abandoned midway) restarts from
// the beginning, which Redis's contract allows (duplicates, never a missed key).

const MAX_OPEN = 4096;

interface Walk<K, V> {
  map: Map<K, V>;
  it: Iterator<[K, V]>;
}

export class ScanCursors<K, V> {
  private readonly open = new Map<number, Walk<K, V>>();
  private next = 1;

  /**
   * Visit up to `count` entries of `map` from `cursor`; returns the cursor to continue
   * with, 0 when the walk is complete. A walk over a map that was since replaced (FLUSHDB,
   * SWAPDB) ends.
   */
  step(map: Map<K, V>, cursor: number, count: number, visit: (key: K, value: V) => void): number {
    let walk = cursor === 0 ? undefined : this.open.get(cursor);
    if (walk !== undefined) this.open.delete(cursor);
    if (walk !== undefined && walk.map !== map) return 0;
    walk ??= { map, it: map.entries() };
    for (let n = Math.max(1, count); n > 0; n--) {
      const r = walk.it.next();
      if (r.done) return 0;
      visit(r.value[0], r.value[1]);
    }
    const id = this.allocate();
    this.open.set(id, walk);
    if (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value as number);
    return id;
  }

  private allocate(): number {
    const id = this.next;
    this.next = this.next >= Number.MAX_SAFE_INTEGER ? 1 : this.next + 1;
    return id;
  }

  get openWalks(): number {
    return this.open.size;
  }
}
