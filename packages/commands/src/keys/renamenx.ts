import { defineCommand } from '@cinnabar/command-kit';
import { renameKey } from './rename-generic.js';

export const renamenx = defineCommand({
  name: 'renamenx', arity: 3, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Rename a key, only if the new key does not exist', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: ({ db }, argv) => (renameKey(db, argv[1] as string, argv[2] as string, true) ? 1 : 0),
});
