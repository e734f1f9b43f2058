import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { lookupSets, union } from './set-algebra.js';

export const sunion = defineCommand({
  name: 'sunion', arity: -2, flags: ['readonly'], acl: ['@read', '@set', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output_order'],
  docs: { summary: 'Add multiple sets', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the total number of elements in all given sets.' },
  run: ({ db, server }, argv) => reply.set(union(lookupSets(db, argv.slice(1)), server.keyspace.limits).members()),
});
