import { defineCommand } from '@cinnabar/command-kit';
import { algebraStore, storeKeys } from './zset-algebra.js';

export const zdiffstore = defineCommand({
  name: 'zdiffstore', arity: -4, flags: ['write', 'denyoom'], acl: ['@write', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['OW', 'UPDATE'] },
  getKeys: storeKeys,
  docs: { summary: 'Subtract multiple sorted sets and store the resulting sorted set in a new key', since: '6.2.0', group: 'sorted_set', complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.' },
  run: (c, argv) => algebraStore(c, argv, 'diff', 'zdiffstore'),
});
