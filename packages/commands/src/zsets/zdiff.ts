import { defineCommand } from '@cinnabar/command-kit';
import { numkeysPositions } from '../lists/lmpop.js';
import { algebraReply } from './zset-algebra.js';

export const zdiff = defineCommand({
  name: 'zdiff', arity: -3, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['RO', 'ACCESS'] },
  getKeys: (argv) => numkeysPositions(argv, 1),
  docs: { summary: 'Subtract multiple sorted sets', since: '6.2.0', group: 'sorted_set', complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.' },
  run: (c, argv) => algebraReply(c, argv, 'diff', 'zdiff'),
});
