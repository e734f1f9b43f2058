import { defineCommand } from '@cinnabar/command-kit';
import { ttlGeneric } from './ttl-generic.js';

export const pttl = defineCommand({
  name: 'pttl', arity: 2, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the time to live for a key in milliseconds', since: '2.6.0', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => ttlGeneric(c, argv[1] as string, true, false),
});
