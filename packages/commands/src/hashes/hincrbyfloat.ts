import { addDecimalStrings, NotFloatError, RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { propagateAs } from '../propagate.js';
import { writeHash } from './hash-lookup.js';

/** The increment is checked before the key: invalid, or NaN/infinite, each with its own text. */
function checkIncrement(incr: string): void {
  try {
    addDecimalStrings('0', incr);
  } catch (err) {
    if (err instanceof NotFloatError) throw err;
    throw new RedisError('ERR value is NaN or Infinity');
  }
}

export const hincrbyfloat = defineCommand({
  name: 'hincrbyfloat', arity: 4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the float value of a hash field by the given amount', since: '2.6.0', group: 'hash', complexity: 'O(1)' },
  run: (c, argv) => {
    const { db, server } = c;
    const [, key, field, incr] = argv as [string, string, string, string];
    checkIncrement(incr);
    const h = writeHash(db, key);
    let text: string;
    try {
      text = addDecimalStrings(h.get(field) ?? '0', incr);
    } catch (err) {
      throw err instanceof NotFloatError ? new RedisError('ERR hash value is not a float') : err;
    }
    h.set(field, text, server.keyspace.limits);
    db.changed(key, EventClass.hash, 'hincrbyfloat');
    // The result, not the increment, so float formatting cannot make replicas differ.
    propagateAs(c, ['HSET', key, field, text]);
    return text;
  },
});
