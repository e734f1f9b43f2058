import { defineCommand } from '@cinnabar/command-kit';
import { listFill, moveValue } from './list-ops.js';

export const rpoplpush = defineCommand({
  name: 'rpoplpush', arity: 3, flags: ['write', 'denyoom'], acl: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE', 'INSERT'] },
  docs: { summary: 'Remove the last element in a list, prepend it to another list and return it', since: '1.2.0', group: 'list', complexity: 'O(1)' },
  run: (c, argv) => moveValue(c.db, argv[1] as string, argv[2] as string, 'tail', 'head', listFill(c)),
});
