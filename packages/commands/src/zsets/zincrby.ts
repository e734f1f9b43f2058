import { defineCommand } from '@cinnabar/command-kit';
import { zaddGeneric } from './zadd.js';

export const zincrby = defineCommand({
  name: 'zincrby', arity: 4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the score of a member in a sorted set', since: '1.2.0', group: 'sorted_set', complexity: 'O(log(N)) where N is the number of elements in the sorted set.' },
  run: (c, argv) => zaddGeneric(c, argv, true),
});
