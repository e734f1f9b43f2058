// Shared PF* plumbing: Redis's HLL type check (a string with a valid header, else WRONGTYPE)
// and its corruption error.

import { RedisError, WrongTypeError } from '@cinnabar/common';
import { type Entry, isHllString } from '@cinnabar/storage';

export const invalidHll = (): RedisError => new RedisError('INVALIDOBJ Corrupted HLL object detected');

/** The entry's value if it is a valid HLL string; WRONGTYPE otherwise. */
export function hllValue(e: Entry): string {
  const v = e.value;
  if (typeof v !== 'string') throw new WrongTypeError();
  if (!isHllString(v)) throw new RedisError('WRONGTYPE Key is not a valid HyperLogLog string value.');
  return v;
}

/** Store an edited HLL back; HLL strings are always raw-encoded, as dbUnshareStringValue leaves them. */
export function storeHll(e: Entry, value: string): void {
  e.value = value;
  e.rawString = true;
}
