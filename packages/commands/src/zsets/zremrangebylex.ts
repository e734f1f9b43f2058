import { defineCommand } from '@cinnabar/command-kit';
import { removeRange } from './zremrange.js';

export const zremrangebylex = defineCommand({
  name: 'zremrangebylex', arity: 4, flags: ['write'], acl: ['@write', '@sortedset', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Remove all members in a sorted set between the given lexicographical range', since: '2.8.9', group: 'sorted_set', complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.' },
  run: (c, argv) => removeRange(c, argv, 'lex'),
});
