import { defineCommand } from '@cinnabar/command-kit';
import { readHash } from './hash-lookup.js';

export const hmget = defineCommand({
  name: 'hmget', arity: -3, flags: ['readonly', 'fast'], acl: ['@read', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get the values of all the given hash fields', since: '2.0.0', group: 'hash', complexity: 'O(N) where N is the number of fields being requested.' },
  run: ({ db }, argv) => {
    const h = readHash(db, argv[1] as string);
    return argv.slice(2).map((f) => h?.get(f) ?? null);
  },
});
