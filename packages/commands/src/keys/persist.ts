import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';

export const persist = defineCommand({
  name: 'persist', arity: 2, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Remove the expiration from a key', since: '2.2.0', group: 'generic', complexity: 'O(1)' },
  run: ({ db }, argv) => {
    const key = argv[1] as string;
    const e = db.lookup(key);
    if (e === undefined || db.expireAt(e) === 0) return 0;
    db.setExpiry(e, 0);
    db.changed(key, EventClass.generic, 'persist');
    return 1;
  },
});
