import { defineCommand } from '@cinnabar/command-kit';
import { algebraStore, storeKeys } from './zset-algebra.js';

export const zunionstore = defineCommand({
  name: 'zunionstore', arity: -4, flags: ['write', 'denyoom'], acl: ['@write', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['OW', 'UPDATE'] },
  getKeys: storeKeys,
  docs: { summary: 'Add multiple sorted sets and store the resulting sorted set in a new key', since: '2.0.0', group: 'sorted_set', complexity: 'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.' },
  run: (c, argv) => algebraStore(c, argv, 'union', 'zunionstore'),
});
