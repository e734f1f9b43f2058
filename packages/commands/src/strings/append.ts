import { defineCommand } from '@cinnabar/command-kit';
import { maxStringBytes } from './limits.js';

export const append = defineCommand({
  name: 'append', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Append a value to a key', since: '2.0.0', group: 'string', complexity: 'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.' },
  run: ({ db, server }, argv) => db.strings.append(argv[1] as string, argv[2] as string, maxStringBytes(server)),
});
