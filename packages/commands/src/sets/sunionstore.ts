import { defineCommand } from '@cinnabar/command-kit';
import { union, lookupSets } from './set-algebra.js';
import { storeSet } from './set-store.js';

export const sunionstore = defineCommand({
  name: 'sunionstore', arity: -3, flags: ['write', 'denyoom'], acl: ['@write', '@set', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['OW', 'UPDATE'] },
  docs: { summary: 'Add multiple sets and store the resulting set in a key', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the total number of elements in all given sets.' },
  run: ({ db, server }, argv) => {
    const result = union(lookupSets(db, argv.slice(2)), server.keyspace.limits);
    return storeSet(db, argv[1] as string, result, 'sunionstore');
  },
});
