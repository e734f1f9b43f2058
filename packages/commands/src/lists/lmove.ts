import { defineCommand } from '@cinnabar/command-kit';
import { whereArg } from './list-args.js';
import { listFill, moveValue } from './list-ops.js';

export const lmove = defineCommand({
  name: 'lmove', arity: 5, flags: ['write', 'denyoom'], acl: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE', 'INSERT'] },
  docs: { summary: 'Pop an element from a list, push it to another list and return it', since: '6.2.0', group: 'list', complexity: 'O(1)' },
  run: (c, argv) => {
    const from = whereArg(argv[3] as string);
    const to = whereArg(argv[4] as string);
    return moveValue(c.db, argv[1] as string, argv[2] as string, from, to, listFill(c));
  },
});
