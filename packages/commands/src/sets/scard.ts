import { defineCommand } from '@cinnabar/command-kit';
import { readSet } from './set-lookup.js';

export const scard = defineCommand({
  name: 'scard', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Get the number of members in a set', since: '1.0.0', group: 'set', complexity: 'O(1)' },
  run: ({ db }, argv) => readSet(db, argv[1] as string)?.size ?? 0,
});
