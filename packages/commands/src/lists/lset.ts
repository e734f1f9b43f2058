import { NoSuchKeyError, RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { EventClass } from '@cinnabar/storage';
import { longArg } from './list-args.js';
import { asList, writeListEntry } from './list-ops.js';

export const lset = defineCommand({
  name: 'lset', arity: 4, flags: ['write', 'denyoom'], acl: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Set the value of an element in a list by its index', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).' },
  run: ({ db }, argv) => {
    const key = argv[1] as string;
    const e = writeListEntry(db, key);
    if (e === undefined) throw new NoSuchKeyError();
    if (!asList(e).set(longArg(argv[2] as string), argv[3] as string)) throw new RedisError('ERR index out of range');
    db.changed(key, EventClass.list, 'lset');
    return reply.ok;
  },
});
