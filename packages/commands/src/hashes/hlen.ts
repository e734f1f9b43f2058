import { defineCommand } from '@cinnabar/command-kit';
import { readHash } from './hash-lookup.js';

export const hlen = defineCommand({
  name: 'hlen', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Get the number of fields in a hash', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  run: ({ db }, argv) => readHash(db, argv[1] as string)?.length ?? 0,
});
