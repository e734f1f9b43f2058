import { defineCommand } from '@cinnabar/command-kit';
import { ttlGeneric } from './ttl-generic.js';

export const pexpiretime = defineCommand({
  name: 'pexpiretime', arity: 2, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get the expiration Unix timestamp for a key in milliseconds', since: '7.0.0', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => ttlGeneric(c, argv[1] as string, true, true),
});
