import { defineCommand } from '@cinnabar/command-kit';
import { intersection, lookupSets } from './set-algebra.js';
import { storeSet } from './set-store.js';

export const sinterstore = defineCommand({
  name: 'sinterstore', arity: -3, flags: ['write', 'denyoom'], acl: ['@write', '@set', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Intersect multiple sets and store the resulting set in a key', since: '1.0.0', group: 'set', complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.' },
  run: ({ db, server }, argv) => {
    const result = intersection(lookupSets(db, argv.slice(2)), server.keyspace.limits);
    return storeSet(db, argv[1] as string, result, 'sinterstore');
  },
});
