import { defineCommand } from '@cinnabar/command-kit';
import { readSet } from './set-lookup.js';

export const sismember = defineCommand({
  name: 'sismember', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Determine if a given value is a member of a set', since: '1.0.0', group: 'set', complexity: 'O(1)' },
  run: ({ db }, argv) => (readSet(db, argv[1] as string)?.has(argv[2] as string) === true ? 1 : 0),
});
