import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { EventClass } from '@cinnabar/storage';
import { longArg } from './list-args.js';
import { asList, dropIfEmpty, writeListEntry } from './list-ops.js';

export const ltrim = defineCommand({
  name: 'ltrim', arity: 4, flags: ['write'], acl: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Trim a list to the specified range', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the number of elements to be removed by the operation.' },
  run: ({ db }, argv) => {
    const start = longArg(argv[2] as string);
    const stop = longArg(argv[3] as string);
    const key = argv[1] as string;
    const e = writeListEntry(db, key);
    if (e === undefined) return reply.ok;
    const removed = asList(e).keep(start, stop);
    db.changed(key, EventClass.list, 'ltrim', removed);
    dropIfEmpty(db, e);
    return reply.ok;
  },
});
