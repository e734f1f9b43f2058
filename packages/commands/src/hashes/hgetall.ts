import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { readHash } from './hash-lookup.js';

export const hgetall = defineCommand({
  name: 'hgetall', arity: 2, flags: ['readonly'], acl: ['@read', '@hash', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output_order'],
  docs: { summary: 'Get all the fields and values in a hash', since: '2.0.0', group: 'hash', complexity: 'O(N) where N is the size of the hash.' },
  run: ({ db }, argv) => {
    const out: string[] = [];
    readHash(db, argv[1] as string)?.forEach((f, v) => out.push(f, v));
    return reply.map(out);
  },
});
