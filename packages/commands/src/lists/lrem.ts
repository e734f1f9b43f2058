import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { longArg } from './list-args.js';
import { asList, dropIfEmpty, writeListEntry } from './list-ops.js';

export const lrem = defineCommand({
  name: 'lrem', arity: 4, flags: ['write'], acl: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Remove elements from a list', since: '1.0.0', group: 'list', complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.' },
  run: ({ db }, argv) => {
    const count = longArg(argv[2] as string);
    const key = argv[1] as string;
    const e = writeListEntry(db, key);
    if (e === undefined) return 0;
    const list = asList(e);
    const removed = list.remove(argv[3] as string, count);
    if (removed > 0) db.changed(key, EventClass.list, 'lrem', removed);
    dropIfEmpty(db, e);
    return removed;
  },
});
