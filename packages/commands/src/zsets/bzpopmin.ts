import { defineCommand } from '@cinnabar/command-kit';
import { bzpop } from './zset-blocking.js';

export const bzpopmin = defineCommand({
  name: 'bzpopmin', arity: -3, flags: ['write', 'noscript', 'fast', 'blocking'], acl: ['@write', '@sortedset', '@fast', '@blocking'],
  keys: { first: 1, last: -2, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: {
    summary: 'Remove and return the member with the lowest score from one or more sorted sets, or block until one is available', since: '5.0.0', group: 'sorted_set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
  },
  run: (c, argv) => bzpop(c, argv, false),
});
