import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, SetValue } from '@cinnabar/storage';
import { writeEntry } from './set-lookup.js';

export const sadd = defineCommand({
  name: 'sadd', arity: -3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Add one or more members to a set', since: '1.0.0', group: 'set', complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.' },
  run: ({ db, server }, argv) => {
    const key = argv[1] as string;
    const limits = server.keyspace.limits;
    const e = writeEntry(db, key);
    let s: SetValue;
    if (e === undefined) {
      s = SetValue.forMember(argv[2] as string);
      db.add(key, s);
    } else s = e.value as SetValue;
    let added = 0;
    for (let i = 2; i < argv.length; i++) if (s.add(argv[i] as string, limits)) added++;
    if (added > 0) db.changed(key, EventClass.set, 'sadd', added);
    return added;
  },
});
