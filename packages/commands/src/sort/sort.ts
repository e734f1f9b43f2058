import { defineCommand } from '@cinnabar/command-kit';
import { runSort } from './sort-core.js';

const SKIPPED_ARGS: Readonly<Record<string, number>> = { limit: 2, get: 1, by: 1 };

/** The sorted key, then the last STORE destination found by Redis's shallow option scan. */
export function sortKeys(argv: readonly string[]): number[] {
  let store = -1;
  for (let i = 2; i < argv.length; i++) {
    const word = (argv[i] as string).toLowerCase();
    const skip = SKIPPED_ARGS[word];
    if (skip !== undefined) i += skip;
    else if (word === 'store' && i + 1 < argv.length) store = i + 1;
  }
  return store < 0 ? [1] : [1, store];
}

export const sort = defineCommand({
  name: 'sort', arity: -2, flags: ['write', 'denyoom'], acl: ['@write', '@set', '@sortedset', '@list', '@slow', '@dangerous'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  getKeys: sortKeys,
  docs: { summary: 'Sort the elements in a list, set or sorted set', since: '1.0.0', group: 'generic', complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).' },
  run: (client, argv) => runSort(client, argv, false),
});
