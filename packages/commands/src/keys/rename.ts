import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { renameKey } from './rename-generic.js';

export const rename = defineCommand({
  name: 'rename', arity: 3, flags: ['write'], acl: ['@keyspace', '@write', '@slow'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Rename a key', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: ({ db }, argv) => {
    renameKey(db, argv[1] as string, argv[2] as string, false);
    return reply.ok;
  },
});
