import { defineCommand } from '@cinnabar/command-kit';
import { ttlGeneric } from './ttl-generic.js';

export const ttl = defineCommand({
  name: 'ttl', arity: 2, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the time to live for a key in seconds', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => ttlGeneric(c, argv[1] as string, false, false),
});
