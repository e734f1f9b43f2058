import { defineCommand } from '@cinnabar/command-kit';
import { lexRangeArgs } from './zset-args.js';
import { readZSet } from './zset-lookup.js';

export const zlexcount = defineCommand({
  name: 'zlexcount', arity: 4, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Count the number of members in a sorted set between a given lexicographical range', since: '2.8.9', group: 'sorted_set', complexity: 'O(log(N)) with N being the number of elements in the sorted set.' },
  run: ({ db }, argv) => {
    const range = lexRangeArgs(argv[2] as string, argv[3] as string);
    const z = readZSet(db, argv[1] as string);
    if (z === undefined) return 0;
    const [a, b] = z.lexSpan(range);
    return Math.max(0, b - a + 1);
  },
});
