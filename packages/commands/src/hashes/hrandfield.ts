// HRANDFIELD: one random field, or `count` of them — distinct for a positive count, with
// repetitions for a negative one — optionally with values (RESP3: [field, value] pairs).

import { type Random, RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';
import type { HashPairs } from '@cinnabar/storage';
import { readHash } from './hash-lookup.js';

const LONG_MAX = 9223372036854775807n;
/**
 * Redis streams any number of repeated picks into the output buffer; a JS array that size
 * would take the process down, so repeated picks stop here (an out-of-range error beyond).
 */
const MAX_PICKS = 1 << 24;

/** Positions of `count` distinct pairs out of `size` (count < size), in random order. */
function distinct(size: number, count: number, random: Random): number[] {
  if (count * 3 > size) {
    // Close to the whole hash: a partial Fisher-Yates shuffle.
    const idx = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + random.int(size - i);
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx.slice(0, count);
  }
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(size));
  return [...picked];
}

function positions(size: number, l: number, random: Random): number[] {
  if (l < 0) return Array.from({ length: -l }, () => random.int(size));
  if (l >= size) return Array.from({ length: size }, (_, i) => i);
  return distinct(size, l, random);
}

function shape(pairs: HashPairs, at: number[], withValues: boolean, resp: number): Reply {
  if (!withValues) return at.map((i) => pairs.fieldAt(i));
  if (resp > 2) return at.map((i) => [pairs.fieldAt(i), pairs.valueAt(i)]);
  return at.flatMap((i) => [pairs.fieldAt(i), pairs.valueAt(i)]);
}

export const hrandfield = defineCommand({
  name: 'hrandfield', arity: -2, flags: ['readonly'], acl: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get one or multiple random fields from a hash', since: '6.2.0', group: 'hash', complexity: 'O(N) where N is the number of fields returned' },
  run: ({ db, server, resp }, argv) => {
    const key = argv[1] as string;
    if (argv.length === 2) {
      const h = readHash(db, key);
      if (h === undefined) return null;
      const pairs = h.pairs();
      return pairs.fieldAt(server.random.int(pairs.size));
    }
    const l = int64Arg(argv[2] as string);
    if (BigInt(l) < -LONG_MAX) throw new RedisError(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
    if (argv.length > 4 || (argv.length === 4 && (argv[3] as string).toLowerCase() !== 'withvalues')) throw new SyntaxError();
    const withValues = argv.length === 4;
    if (withValues && (BigInt(l) < -LONG_MAX / 2n || BigInt(l) > LONG_MAX / 2n)) throw new RedisError('ERR value is out of range');
    const h = readHash(db, key);
    if (h === undefined || l === 0) return [];
    if (l < -MAX_PICKS) throw new RedisError('ERR value is out of range');
    const pairs = h.pairs();
    return shape(pairs, positions(pairs.size, Number(l), server.random), withValues, resp);
  },
});
