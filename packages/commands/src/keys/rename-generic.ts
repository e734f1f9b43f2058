// RENAME and RENAMENX: the source's value and TTL move to the new name (replacing it for
// RENAME); events rename_from then rename_to, one write.

import { NoSuchKeyError } from '@cinnabar/common';
import { type Database, EventClass } from '@cinnabar/storage';

/** Returns true when renamed, false when NX found the destination present. */
export function renameKey(db: Database, src: string, dst: string, nx: boolean): boolean {
  const e = db.lookup(src);
  if (e === undefined) throw new NoSuchKeyError();
  if (src === dst) return !nx;
  if (db.lookup(dst) !== undefined && nx) return false;
  db.rename(e, dst);
  db.changed(src, EventClass.generic, 'rename_from');
  db.signal(dst);
  db.notify(dst, EventClass.generic, 'rename_to');
  return true;
}
