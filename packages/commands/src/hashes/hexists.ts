import { defineCommand } from '@cinnabar/command-kit';
import { readHash } from './hash-lookup.js';

export const hexists = defineCommand({
  name: 'hexists', arity: 3, flags: ['readonly', 'fast'], acl: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Determine if a hash field exists', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  run: ({ db }, argv) => (readHash(db, argv[1] as string)?.has(argv[2] as string) ? 1 : 0),
});
