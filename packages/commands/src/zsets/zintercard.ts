import { defineCommand } from '@cinnabar/command-kit';
import { numkeysPositions } from '../lists/lmpop.js';
import { compute, parseAlgebra } from './zset-algebra.js';

export const zintercard = defineCommand({
  name: 'zintercard', arity: -3, flags: ['readonly'], acl: ['@read', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['RO', 'ACCESS'] },
  getKeys: (argv) => numkeysPositions(argv, 1),
  docs: { summary: 'Intersect multiple sorted sets and return the cardinality of the result', since: '7.0.0', group: 'sorted_set', complexity: 'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.' },
  run: ({ db }, argv) => compute(parseAlgebra(db, argv, 1, 'inter', 'zintercard', false, true), 'inter').size,
});
