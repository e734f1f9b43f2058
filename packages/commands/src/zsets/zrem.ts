import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, type ZSetValue } from '@cinnabar/storage';
import { deleteIfEmpty, writeEntry } from './zset-lookup.js';

export const zrem = defineCommand({
  name: 'zrem', arity: -3, flags: ['write', 'fast'], acl: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Remove one or more members from a sorted set', since: '1.2.0', group: 'sorted_set', complexity: 'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.' },
  run: ({ db }, argv) => {
    const key = argv[1] as string;
    const e = writeEntry(db, key);
    if (e === undefined) return 0;
    const z = e.value as ZSetValue;
    let deleted = 0;
    for (let j = 2; j < argv.length && z.length > 0; j++) if (z.delete(argv[j] as string)) deleted++;
    if (deleted === 0) return 0;
    db.changed(key, EventClass.zset, 'zrem', deleted);
    deleteIfEmpty(db, e);
    return deleted;
  },
});
