import { defineCommand } from '@cinnabar/command-kit';
import { rangeReply } from './zrange-generic.js';

export const zrangebyscore = defineCommand({
  name: 'zrangebyscore', arity: -4, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: {
    summary: 'Return a range of members in a sorted set, by score', since: '1.0.5', group: 'sorted_set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
  },
  run: (c, argv) => rangeReply(c, argv, 'score', false),
});
