import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { readZSet } from './zset-lookup.js';

/** ZRANK and ZREVRANK: the member's 0-based rank, null when it (or the key) is absent. */
export function rankOf({ db }: ClientSession, argv: readonly string[], reverse: boolean): number | null {
  const z = readZSet(db, argv[1] as string);
  const r = z?.rank(argv[2] as string);
  if (z === undefined || r === undefined) return null;
  return reverse ? z.length - 1 - r : r;
}

export const zrank = defineCommand({
  name: 'zrank', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Determine the index of a member in a sorted set', since: '2.0.0', group: 'sorted_set', complexity: 'O(log(N))' },
  run: (c, argv) => rankOf(c, argv, false),
});
