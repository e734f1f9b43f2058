// ZRANDMEMBER: one random member, or `count` of them — distinct for a positive count (the whole
// set in order when it asks for as many or more), with repetitions for a negative one —
// optionally with scores (RESP3: [member, score] pairs).

import { type Random, RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { readZSet } from './zset-lookup.js';

const LONG_MAX = 9223372036854775807n;
/** Repeated picks are materialised as an array here, so they stop (out of range) beyond this. */
const MAX_PICKS = 1 << 24;

/** Ranks to answer: repeated picks for a negative count, else distinct ones. */
function ranks(size: number, l: number, random: Random): number[] {
  if (l < 0) return Array.from({ length: -l }, () => random.int(size));
  if (l >= size) return Array.from({ length: size }, (_, i) => size - 1 - i); // Redis walks from the top
  const picked = new Set<number>();
  if (l * 3 <= size) {
    while (picked.size < l) picked.add(random.int(size));
    return [...picked];
  }
  // Most of the set: drop random ranks until `l` remain.
  const all = Array.from({ length: size }, (_, i) => i);
  while (picked.size < size - l) picked.add(random.int(size));
  return all.filter((i) => !picked.has(i));
}

export const zrandmember = defineCommand({
  name: 'zrandmember', arity: -2, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get one or multiple random elements from a sorted set', since: '6.2.0', group: 'sorted_set', complexity: 'O(N) where N is the number of elements returned' },
  run: ({ db, server, resp }, argv) => {
    const key = argv[1] as string;
    if (argv.length === 2) {
      const z = readZSet(db, key);
      return z === undefined ? null : z.at(server.random.int(z.length))[0];
    }
    const l = int64Arg(argv[2] as string);
    if (BigInt(l) < -LONG_MAX) throw new RedisError(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
    if (argv.length > 4 || (argv.length === 4 && (argv[3] as string).toLowerCase() !== 'withscores')) throw new SyntaxError();
    const scores = argv.length === 4;
    if (scores && (BigInt(l) < -LONG_MAX / 2n || BigInt(l) > LONG_MAX / 2n)) throw new RedisError('ERR value is out of range');
    const z = readZSet(db, key);
    if (z === undefined || l === 0) return [];
    if (l < -MAX_PICKS) throw new RedisError('ERR value is out of range');
    const count = typeof l === 'bigint' ? Number.MAX_SAFE_INTEGER : l;
    const picks = ranks(z.length, count, server.random).map((r) => z.at(r));
    if (!scores) return picks.map(([m]) => m);
    if (resp > 2) return picks.map(([m, s]) => [m, reply.double(s)]);
    return picks.flatMap(([m, s]): Reply[] => [m, reply.double(s)]);
  },
});
