import { defineCommand } from '@cinnabar/command-kit';
import { listFill, pushValues } from './list-ops.js';

export const lpush = defineCommand({
  name: 'lpush', arity: -3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@list', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Prepend one or multiple elements to a list', since: '1.0.0', group: 'list', complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.' },
  run: (c, argv) => pushValues(c.db, argv[1] as string, argv, 'head', listFill(c), false, 2),
});
