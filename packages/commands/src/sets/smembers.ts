import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { readSet } from './set-lookup.js';

export const smembers = defineCommand({
  name: 'smembers', arity: 2, flags: ['readonly'], acl: ['@read', '@set', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output_order'],
  docs: { summary: 'Get all the members in a set', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the set cardinality.' },
  run: ({ db }, argv) => reply.set(readSet(db, argv[1] as string)?.members() ?? []),
});
