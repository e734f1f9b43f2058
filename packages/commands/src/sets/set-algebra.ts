// SINTER/SUNION/SDIFF over the values of several keys, as Redis 7.0 computes them: every key
// is type-checked, a missing key is an empty set, intersections walk the smallest set, and
// union/diff results are built as a fresh set (so an all-integer result is an intset, in
// ascending order). Commands own the replies and the stores.

import type { Database } from '@cinnabar/storage';
import { SetValue, type SetLimits } from '@cinnabar/storage';
import { readSet } from './set-lookup.js';

/** Every key's set (undefined when absent), WRONGTYPE at the first key of another type. */
export function lookupSets(db: Database, keys: readonly string[]): (SetValue | undefined)[] {
  return keys.map((k) => readSet(db, k));
}

/**
 * Members of the intersection, in the smallest set's order; stops after `limit` when it is
 * not 0 (SINTERCARD). Empty when any key is missing.
 */
export function intersect(sets: readonly (SetValue | undefined)[], limit = 0): string[] {
  if (sets.some((s) => s === undefined)) return [];
  const sorted = (sets as SetValue[]).slice().sort((a, b) => a.size - b.size);
  const first = sorted[0] as SetValue;
  const others = sorted.slice(1).filter((s) => s !== first);
  const out: string[] = [];
  const n = first.size;
  for (let i = 0; i < n; i++) {
    const m = first.at(i);
    if (!others.every((s) => s.has(m))) continue;
    out.push(m);
    if (limit !== 0 && out.length >= limit) break;
  }
  return out;
}

/** The intersection stored as SINTERSTORE builds it: a fresh intset that converts as it grows. */
export function intersection(sets: readonly (SetValue | undefined)[], limits: SetLimits): SetValue {
  const dst = new SetValue();
  for (const m of intersect(sets)) dst.add(m, limits);
  return dst;
}

export function union(sets: readonly (SetValue | undefined)[], limits: SetLimits): SetValue {
  const dst = new SetValue();
  for (const s of sets) s?.forEach((m) => dst.add(m, limits));
  return dst;
}

/**
 * sets[0] minus the others. Redis picks one of two algorithms by estimated work; which one
 * ran shows in the result's encoding (adding then removing a string leaves a hashtable), so
 * both are kept.
 */
export function difference(sets: readonly (SetValue | undefined)[], limits: SetLimits): SetValue {
  const dst = new SetValue();
  const first = sets[0];
  if (first === undefined || sets.slice(1).includes(first)) return dst;
  let oneWork = 0;
  let twoWork = 0;
  for (const s of sets) {
    if (s === undefined) continue;
    oneWork += first.size;
    twoWork += s.size;
  }
  if (Math.floor(oneWork / 2) <= twoWork) {
    const others = sets.slice(1).filter((s): s is SetValue => s !== undefined);
    first.forEach((m) => {
      if (!others.some((s) => s.has(m))) dst.add(m, limits);
    });
    return dst;
  }
  for (let j = 0; j < sets.length; j++) {
    const s = sets[j];
    if (s === undefined) continue;
    if (j === 0) s.forEach((m) => dst.add(m, limits));
    else s.forEach((m) => dst.delete(m));
    if (dst.size === 0) break;
  }
  return dst;
}
