import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { writeHash } from './hash-lookup.js';

export const hsetnx = defineCommand({
  name: 'hsetnx', arity: 4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Set the value of a hash field, only if the field does not exist', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const [, key, field, value] = argv as [string, string, string, string];
    const h = writeHash(db, key);
    if (h.has(field)) return 0;
    h.tryConversion([field, value], server.keyspace.limits);
    h.set(field, value, server.keyspace.limits);
    db.changed(key, EventClass.hash, 'hset');
    return 1;
  },
});
