import { defineCommand } from '@cinnabar/command-kit';
import { longArg } from './list-args.js';
import { readList } from './list-ops.js';

export const lrange = defineCommand({
  name: 'lrange', arity: 4, flags: ['readonly'], acl: ['@read', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get a range of elements from a list', since: '1.0.0', group: 'list', complexity: 'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.' },
  run: ({ db }, argv) => {
    const start = longArg(argv[2] as string);
    const stop = longArg(argv[3] as string);
    return readList(db, argv[1] as string)?.range(start, stop) ?? [];
  },
});
