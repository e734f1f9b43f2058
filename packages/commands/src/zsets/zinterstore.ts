import { defineCommand } from '@cinnabar/command-kit';
import { algebraStore, storeKeys } from './zset-algebra.js';

export const zinterstore = defineCommand({
  name: 'zinterstore', arity: -4, flags: ['write', 'denyoom'], acl: ['@write', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['OW', 'UPDATE'] },
  getKeys: storeKeys,
  docs: { summary: 'Intersect multiple sorted sets and store the resulting sorted set in a new key', since: '2.0.0', group: 'sorted_set', complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.' },
  run: (c, argv) => algebraStore(c, argv, 'inter', 'zinterstore'),
});
