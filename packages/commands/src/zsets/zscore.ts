import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { readZSet } from './zset-lookup.js';

export const zscore = defineCommand({
  name: 'zscore', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get the score associated with the given member in a sorted set', since: '1.2.0', group: 'sorted_set', complexity: 'O(1)' },
  run: ({ db }, argv) => {
    const s = readZSet(db, argv[1] as string)?.score(argv[2] as string);
    return s === undefined ? null : reply.double(s);
  },
});
