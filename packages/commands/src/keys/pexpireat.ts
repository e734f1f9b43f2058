import { defineCommand } from '@cinnabar/command-kit';
import { expireGeneric } from './expire-generic.js';

export const pexpireat = defineCommand({
  name: 'pexpireat', arity: -3, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Set the expiration for a key as a UNIX timestamp specified in milliseconds', since: '2.6.0', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => expireGeneric(c, argv, 'pexpireat', false, false),
});
