// SORT's BY/GET patterns and weights: the first `*` becomes the element, `key->field` reads a
// hash field, `#` is the element itself; weights parse as strtod does over the whole text.
// Redis scans patterns as C strings, so a NUL byte ends the part searched for `*` and `->`.

import { parseDouble } from '@cinnabar/common';
import { type Database, HashValue } from '@cinnabar/storage';

/** The text before the first NUL byte: what C's str* functions see. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * The value a pattern names for one element, or null when the key is absent, of another
 * type, the hash lacks the field, or the pattern has no `*` (a constant GET names nothing).
 * Each key is looked up as a read, so hits, misses and keymiss events count.
 */
export function lookupByPattern(db: Database, pattern: string, element: string): string | null {
  const searched = cString(pattern);
  if (searched === '#') return element;
  const star = searched.indexOf('*');
  if (star < 0) return null;
  const arrow = searched.indexOf('->', star + 1);
  // A trailing "->" names no field: the arrow then belongs to the key name.
  const hashed = arrow >= 0 && arrow + 2 < searched.length;
  const key = pattern.slice(0, star) + element + (hashed ? pattern.slice(star + 1, arrow) : pattern.slice(star + 1));
  const e = db.lookupRead(key);
  if (e === undefined) return null;
  if (hashed) return e.value instanceof HashValue ? (e.value.get(pattern.slice(arrow + 2)) ?? null) : null;
  return typeof e.value === 'string' ? e.value : null;
}

const SMALLEST_NORMAL = 2.2250738585072014e-308;
const LEADING_SPACE = /^[ \t\n\v\f\r]+/;

/**
 * A weight as Redis reads it: strtod must consume the whole C string. So leading white space
 * is allowed, the empty string is 0, and NaN or a result out of range (overflow, or underflow
 * to zero or a subnormal, where strtod reports ERANGE) is refused with null.
 */
export function sortWeight(text: string): number | null {
  const s = cString(text);
  if (s === '') return 0;
  const v = parseDouble(s.replace(LEADING_SPACE, ''));
  if (v === null || (v !== 0 && Math.abs(v) < SMALLEST_NORMAL)) return null;
  return v;
}
