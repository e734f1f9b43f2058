import { defineCommand } from '@cinnabar/command-kit';
import { readHash } from './hash-lookup.js';

export const hstrlen = defineCommand({
  name: 'hstrlen', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Get the length of the value of a hash field', since: '3.2.0', group: 'hash', complexity: 'O(1)' },
  run: ({ db }, argv) => readHash(db, argv[1] as string)?.valueLength(argv[2] as string) ?? 0,
});
