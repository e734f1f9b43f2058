import { defineCommand } from '@cinnabar/command-kit';
import { zpop } from './zpopmin.js';

export const zpopmax = defineCommand({
  name: 'zpopmax', arity: -2, flags: ['write', 'fast'], acl: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Remove and return members with the highest scores in a sorted set', since: '5.0.0', group: 'sorted_set', complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.' },
  run: (c, argv) => zpop(c, argv, true),
});
