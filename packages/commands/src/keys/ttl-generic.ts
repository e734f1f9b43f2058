// TTL, PTTL, EXPIRETIME and PEXPIRETIME: -2 for a missing key, -1 without a TTL, else the
// remaining (or absolute) time, seconds rounded to nearest as Redis does.

import type { ClientSession } from '@cinnabar/command-kit';

export function ttlGeneric(c: ClientSession, key: string, ms: boolean, absolute: boolean): number {
  const e = c.db.lookupRead(key, false);
  if (e === undefined) return -2;
  const at = c.db.expireAt(e);
  if (at === 0) return -1;
  let t = absolute ? at : at - c.server.clock.nowMs();
  if (t < 0) t = 0;
  return ms ? t : Math.floor((t + 500) / 1000);
}
