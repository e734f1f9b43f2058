// The *STORE ending shared by SINTERSTORE, SUNIONSTORE and SDIFFSTORE: a non-empty result
// replaces the destination (any type, TTL dropped); an empty one deletes it.

import type { Database, SetValue } from '@cinnabar/storage';
import { EventClass } from '@cinnabar/storage';

export function storeSet(db: Database, dst: string, result: SetValue, event: string): number {
  if (result.size > 0) {
    db.setValue(dst, result);
    db.changed(dst, EventClass.set, event);
    return result.size;
  }
  // Redis deletes without an expiry check: a destination whose TTL passed goes with "del".
  const e = db.peek(dst);
  if (e !== undefined) {
    db.remove(e);
    db.changed(dst, EventClass.generic, 'del');
  }
  return 0;
}
