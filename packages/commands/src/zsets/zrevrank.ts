import { defineCommand } from '@cinnabar/command-kit';
import { rankOf } from './zrank.js';

export const zrevrank = defineCommand({
  name: 'zrevrank', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Determine the index of a member in a sorted set, with scores ordered from high to low', since: '2.0.0', group: 'sorted_set', complexity: 'O(log(N))' },
  run: (c, argv) => rankOf(c, argv, true),
});
