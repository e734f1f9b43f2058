import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, type HashValue } from '@cinnabar/storage';
import { removeIfEmpty, writeEntry } from './hash-lookup.js';

export const hdel = defineCommand({
  name: 'hdel', arity: -3, flags: ['write', 'fast'], acl: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Delete one or more hash fields', since: '2.0.0', group: 'hash', complexity: 'O(N) where N is the number of fields to be removed.' },
  run: ({ db, server }, argv) => {
    const key = argv[1] as string;
    const e = writeEntry(db, key);
    if (e === undefined) return 0;
    const h = e.value as HashValue;
    let deleted = 0;
    let removed = false;
    for (let i = 2; i < argv.length && !removed; i++) {
      if (!h.delete(argv[i] as string)) continue;
      deleted++;
      removed = removeIfEmpty(db, e);
    }
    if (deleted > 0) {
      db.changed(key, EventClass.hash, 'hdel');
      if (removed) db.notify(key, EventClass.generic, 'del');
      server.keyspace.stats.dirty += deleted - 1; // one change per deleted field
    }
    return deleted;
  },
});
