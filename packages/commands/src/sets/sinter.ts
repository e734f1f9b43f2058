import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { intersect, lookupSets } from './set-algebra.js';

export const sinter = defineCommand({
  name: 'sinter', arity: -2, flags: ['readonly'], acl: ['@read', '@set', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output_order'],
  docs: { summary: 'Intersect multiple sets', since: '1.0.0', group: 'set', complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.' },
  run: ({ db }, argv) => reply.set(intersect(lookupSets(db, argv.slice(1)))),
});
