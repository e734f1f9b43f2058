import { errors } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { asList, writeListEntry } from './list-ops.js';

export const linsert = defineCommand({
  name: 'linsert', arity: 5, flags: ['write', 'denyoom'], acl: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Insert an element before or after another element in a list', since: '2.2.0', group: 'list', complexity: 'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).' },
  run: ({ db }, argv) => {
    const where = (argv[2] as string).toLowerCase();
    if (where !== 'before' && where !== 'after') throw errors.syntax();
    const key = argv[1] as string;
    const e = writeListEntry(db, key);
    if (e === undefined) return 0;
    const list = asList(e);
    if (!list.insert(argv[3] as string, argv[4] as string, where === 'after')) return -1;
    db.changed(key, EventClass.list, 'linsert');
    return list.length;
  },
});
