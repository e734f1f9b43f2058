import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { clusterEnabled, dbArg } from './db-index.js';

export const move = defineCommand({
  name: 'move', arity: 3, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Move a key to another database', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    if (clusterEnabled(server)) throw new RedisError('ERR MOVE is not allowed in cluster mode');
    const key = argv[1] as string;
    const dst = dbArg(server, argv[2] as string);
    if (dst === db) throw new RedisError('ERR source and destination objects are the same');
    const e = db.lookup(key);
    if (e === undefined || dst.lookup(key) !== undefined) return 0;
    db.moveTo(e, dst);
    db.changed(key, EventClass.generic, 'move_from');
    dst.signal(key);
    dst.notify(key, EventClass.generic, 'move_to');
    return 1;
  },
});
