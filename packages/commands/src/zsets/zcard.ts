import { defineCommand } from '@cinnabar/command-kit';
import { readZSet } from './zset-lookup.js';

export const zcard = defineCommand({
  name: 'zcard', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Get the number of members in a sorted set', since: '1.2.0', group: 'sorted_set', complexity: 'O(1)' },
  run: ({ db }, argv) => readZSet(db, argv[1] as string)?.length ?? 0,
});
