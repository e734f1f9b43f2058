// Popping the lowest or highest members (Redis's genericZpopCommand), shared by ZPOPMIN,
// ZPOPMAX and ZMPOP and ready for the blocking forms: the first existing key of the list is
// used (WRONGTYPE if it is not a sorted set), one event per pop, "del" when it empties.

import { errors } from '@cinnabar/common';
import { type Database, type Entry, EventClass, type ZSetValue } from '@cinnabar/storage';
import { atLeastOneArg } from '../lists/list-args.js';
import { deleteIfEmpty, zsetOf } from './zset-lookup.js';

export interface Popped {
  key: string;
  pairs: [string, number][];
}

/** Pop up to `count` members from the first existing key; null when every key is absent. */
export function popFirstExisting(db: Database, keys: readonly string[], max: boolean, count: number): Popped | null {
  for (const key of keys) {
    const e = db.lookup(key);
    if (e === undefined) continue;
    zsetOf(e);
    if (count === 0) return { key, pairs: [] };
    return { key, pairs: popFrom(db, e, max, count) };
  }
  return null;
}

function popFrom(db: Database, e: Entry, max: boolean, count: number): [string, number][] {
  const z = e.value as ZSetValue;
  const n = Math.min(count, z.length);
  const pairs: [string, number][] = [];
  z.walk(max ? z.length - n : 0, max ? z.length - 1 : n - 1, max, (m, s) => {
    pairs.push([m, s]);
  });
  for (const [m] of pairs) z.delete(m);
  db.changed(e.key, EventClass.zset, max ? 'zpopmax' : 'zpopmin', n);
  deleteIfEmpty(db, e);
  return pairs;
}

export interface MpopArgs {
  keys: string[];
  max: boolean;
  count: number;
}

/** ZMPOP/BZMPOP arguments from the numkeys position on: numkeys keys… MIN|MAX [COUNT n]. */
export function parseZMpop(argv: readonly string[], numkeysAt: number): MpopArgs {
  const numkeys = atLeastOneArg(argv[numkeysAt] as string, 'numkeys should be greater than 0');
  const whereAt = numkeysAt + numkeys + 1;
  if (whereAt >= argv.length) throw errors.syntax();
  const where = (argv[whereAt] as string).toLowerCase();
  if (where !== 'min' && where !== 'max') throw errors.syntax();
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && (argv[j] as string).toLowerCase() === 'count' && j + 1 < argv.length) {
      count = atLeastOneArg(argv[++j] as string, 'count should be greater than 0');
    } else throw errors.syntax();
  }
  return { keys: argv.slice(numkeysAt + 1, whereAt), max: where === 'max', count: count === -1 ? 1 : count };
}
