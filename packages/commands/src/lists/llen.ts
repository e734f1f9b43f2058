import { defineCommand } from '@cinnabar/command-kit';
import { readList } from './list-ops.js';

export const llen = defineCommand({
  name: 'llen', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@list', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Get the length of a list', since: '1.0.0', group: 'list', complexity: 'O(1)' },
  run: ({ db }, argv) => readList(db, argv[1] as string)?.length ?? 0,
});
