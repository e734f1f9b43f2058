import { defineCommand } from '@cinnabar/command-kit';
import { expireGeneric } from './expire-generic.js';

export const expire = defineCommand({
  name: 'expire', arity: -3, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: "Set a key's time to live in seconds", since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => expireGeneric(c, argv, 'expire', true, true),
});
