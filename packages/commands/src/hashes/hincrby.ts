import { addInt64, parseInt64, RedisError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { writeHash } from './hash-lookup.js';

export const hincrby = defineCommand({
  name: 'hincrby', arity: 4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the integer value of a hash field by the given number', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const [, key, field] = argv as [string, string, string];
    const incr = int64Arg(argv[3] as string);
    const h = writeHash(db, key);
    const current = h.get(field);
    const old = current === undefined ? 0 : parseInt64(current);
    if (old === null) throw new RedisError('ERR hash value is not an integer');
    const sum = addInt64(old, incr);
    if (sum === null) throw new RedisError('ERR increment or decrement would overflow');
    h.set(field, String(sum), server.keyspace.limits);
    db.changed(key, EventClass.hash, 'hincrby');
    return sum;
  },
});
