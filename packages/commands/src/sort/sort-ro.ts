import { defineCommand } from '@cinnabar/command-kit';
import { runSort } from './sort-core.js';

export const sortRo = defineCommand({
  name: 'sort_ro', arity: -2, flags: ['readonly'], acl: ['@read', '@set', '@sortedset', '@list', '@slow', '@dangerous'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  getKeys: () => [1],
  docs: { summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.', since: '7.0.0', group: 'generic', complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).' },
  run: (client, argv) => runSort(client, argv, true),
});
