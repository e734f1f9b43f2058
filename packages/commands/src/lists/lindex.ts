import { defineCommand } from '@cinnabar/command-kit';
import { longArg } from './list-args.js';
import { readList } from './list-ops.js';

export const lindex = defineCommand({
  name: 'lindex', arity: 3, flags: ['readonly'], acl: ['@read', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get an element from a list by its index', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).' },
  run: ({ db }, argv) => {
    const list = readList(db, argv[1] as string);
    if (list === undefined) return null;
    return list.at(longArg(argv[2] as string)) ?? null;
  },
});
