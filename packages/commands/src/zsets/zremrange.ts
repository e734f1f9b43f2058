// The ZREMRANGEBY{RANK,SCORE,LEX} core: the range is parsed before the key is looked up, the
// matching ranks are removed, one event names the command, "del" follows when the set empties.

import { type ClientSession } from '@cinnabar/command-kit';
import { EventClass, type ZSetValue } from '@cinnabar/storage';
import { longArg } from '../lists/list-args.js';
import { lexRangeArgs, scoreRangeArgs } from './zset-args.js';
import { deleteIfEmpty, writeEntry } from './zset-lookup.js';

export function removeRange({ db }: ClientSession, argv: readonly string[], kind: 'rank' | 'score' | 'lex'): number {
  const key = argv[1] as string;
  const [min, max] = [argv[2] as string, argv[3] as string];
  let span: (z: ZSetValue) => [number, number];
  if (kind === 'rank') {
    const [start, end] = [longArg(min), longArg(max)];
    span = (z) => {
      const n = z.length;
      let [a, b] = [start < 0 ? start + n : start, end < 0 ? end + n : end];
      if (a < 0) a = 0;
      if (a > b || a >= n) return [0, -1];
      if (b >= n) b = n - 1;
      return [a, b];
    };
  } else if (kind === 'score') {
    const r = scoreRangeArgs(min, max);
    span = (z) => z.scoreSpan(r);
  } else {
    const r = lexRangeArgs(min, max);
    span = (z) => z.lexSpan(r);
  }
  const e = writeEntry(db, key);
  if (e === undefined) return 0;
  const z = e.value as ZSetValue;
  const [a, b] = span(z);
  if (a > b) return 0;
  const deleted = z.removeRanks(a, b);
  db.changed(key, EventClass.zset, `zremrangeby${kind}`, deleted);
  deleteIfEmpty(db, e);
  return deleted;
}
