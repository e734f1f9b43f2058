import { defineCommand } from '@cinnabar/command-kit';
import { numkeysPositions } from '../lists/lmpop.js';
import { algebraReply } from './zset-algebra.js';

export const zunion = defineCommand({
  name: 'zunion', arity: -3, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['RO', 'ACCESS'] },
  getKeys: (argv) => numkeysPositions(argv, 1),
  docs: { summary: 'Add multiple sorted sets', since: '6.2.0', group: 'sorted_set', complexity: 'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.' },
  run: (c, argv) => algebraReply(c, argv, 'union', 'zunion'),
});
