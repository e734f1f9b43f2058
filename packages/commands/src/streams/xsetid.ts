import { NoSuchKeyError, RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, intArg } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { EventClass } from '@cinnabar/storage';
import { idArg, writeStream } from './stream-ops.js';

export const xsetid = defineCommand({
  name: 'xsetid', arity: -3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'An internal command for replicating stream values', since: '5.0.0', group: 'stream', complexity: 'O(1)' },
  run: (c, argv) => {
    const id = idArg(argv[2] as string, 0n, true);
    let entriesAdded = -1;
    let maxDeleted = 0n;
    for (let i = 3; i < argv.length; i += 2) {
      const opt = (argv[i] as string).toUpperCase();
      if (opt === 'ENTRIESADDED' && i + 1 < argv.length) {
        entriesAdded = intArg(argv[i + 1] as string);
        if (entriesAdded < 0) throw new RedisError('ERR entries_added must be positive');
      } else if (opt === 'MAXDELETEDID' && i + 1 < argv.length) {
        maxDeleted = idArg(argv[i + 1] as string, 0n, true);
        if (id < maxDeleted) throw new RedisError('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
      } else {
        throw new SyntaxError();
      }
    }
    const key = argv[1] as string;
    const s = writeStream(c.db, key);
    if (s === undefined) throw new NoSuchKeyError();
    if (s.length > 0) {
      if (id < (s.edge(true)?.id ?? 0n)) throw new RedisError('ERR The ID specified in XSETID is smaller than the target stream top item');
      if (entriesAdded !== -1 && s.length > entriesAdded) throw new RedisError('ERR The entries_added specified in XSETID is smaller than the target stream length');
    }
    s.lastId = id;
    if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
    if (maxDeleted !== 0n) s.maxDeletedId = maxDeleted;
    c.db.changed(key, EventClass.stream, 'xsetid');
    return reply.ok;
  },
});
