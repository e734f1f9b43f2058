import { defineCommand } from '@cinnabar/command-kit';
import { rangeReply } from './zrange-generic.js';

export const zrevrange = defineCommand({
  name: 'zrevrange', arity: -4, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: {
    summary: 'Return a range of members in a sorted set, by index, with scores ordered from high to low', since: '1.2.0', group: 'sorted_set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
  },
  run: (c, argv) => rangeReply(c, argv, 'rank', true),
});
