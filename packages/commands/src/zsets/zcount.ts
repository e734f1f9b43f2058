import { defineCommand } from '@cinnabar/command-kit';
import { scoreRangeArgs } from './zset-args.js';
import { readZSet } from './zset-lookup.js';

export const zcount = defineCommand({
  name: 'zcount', arity: 4, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Count the members in a sorted set with scores within the given values', since: '2.0.0', group: 'sorted_set', complexity: 'O(log(N)) with N being the number of elements in the sorted set.' },
  run: ({ db }, argv) => {
    const range = scoreRangeArgs(argv[2] as string, argv[3] as string);
    const z = readZSet(db, argv[1] as string);
    if (z === undefined) return 0;
    const [a, b] = z.scoreSpan(range);
    return Math.max(0, b - a + 1);
  },
});
