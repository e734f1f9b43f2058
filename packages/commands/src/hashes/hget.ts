import { defineCommand } from '@cinnabar/command-kit';
import { readHash } from './hash-lookup.js';

export const hget = defineCommand({
  name: 'hget', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get the value of a hash field', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  run: ({ db }, argv) => readHash(db, argv[1] as string)?.get(argv[2] as string) ?? null,
});
