import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, type SetValue } from '@cinnabar/storage';
import { removeIfEmpty, writeEntry } from './set-lookup.js';

export const srem = defineCommand({
  name: 'srem', arity: -3, flags: ['write', 'fast'], acl: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Remove one or more members from a set', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the number of members to be removed.' },
  run: ({ db }, argv) => {
    const key = argv[1] as string;
    const e = writeEntry(db, key);
    if (e === undefined) return 0;
    const s = e.value as SetValue;
    let deleted = 0;
    let removed = false;
    for (let i = 2; i < argv.length && !removed; i++) {
      if (!s.delete(argv[i] as string)) continue;
      deleted++;
      removed = removeIfEmpty(db, e);
    }
    if (deleted > 0) {
      db.changed(key, EventClass.set, 'srem', deleted);
      if (removed) db.notify(key, EventClass.generic, 'del');
    }
    return deleted;
  },
});
