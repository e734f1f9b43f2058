import { defineCommand } from '@cinnabar/command-kit';
import { listFill, pushValues } from './list-ops.js';

export const rpushx = defineCommand({
  name: 'rpushx', arity: -3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@list', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Append an element to a list, only if the list exists', since: '2.2.0', group: 'list', complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.' },
  run: (c, argv) => pushValues(c.db, argv[1] as string, argv, 'tail', listFill(c), true, 2),
});
