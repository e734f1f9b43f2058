// Reused records for a snapshot walk. A save asks for a few thousand records at a time and
// encodes them before asking again; fresh objects each time made V8 pretenure the allocation
// site (at a scavenge the whole batch is alive, so the site looks long-lived), and every SAVE
// of 1M keys then left ~64 MB of dead records in the old generation until the next full GC.

import type { SnapshotRecord } from './snapshot.js';
import type { Value } from './value.js';

class PooledRecord implements SnapshotRecord {
  db = 0;
  key = '';
  value: Value = '';
  expiresAt = 0;
  lru = 0;
}

export class RecordPool {
  private readonly slots: PooledRecord[] = [];

  /** The i-th record of this batch, filled in; valid until the same slot is handed out again. */
  fill(i: number, db: number, key: string, value: Value, expiresAt: number, lru: number): SnapshotRecord {
    let r = this.slots[i];
    if (r === undefined) {
      r = new PooledRecord();
      this.slots[i] = r;
    }
    r.db = db;
    r.key = key;
    r.value = value;
    r.expiresAt = expiresAt;
    r.lru = lru;
    return r;
  }
}
