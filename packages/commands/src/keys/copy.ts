import { RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, token } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { clusterEnabled, dbArg } from './db-index.js';

export const copy = defineCommand({
  name: 'copy', arity: -3, flags: ['write', 'denyoom'], acl: ['@keyspace', '@write', '@slow'],
  keys: { first: 1, last: 2, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Copy a key', since: '6.2.0', group: 'generic', complexity: 'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.' },
  run: ({ db, server }, argv) => {
    let dst = db;
    let replace = false;
    for (let j = 3; j < argv.length; j++) {
      const t = token(argv[j]);
      if (t === 'REPLACE') replace = true;
      else if (t === 'DB' && j + 1 < argv.length) dst = dbArg(server, argv[++j] as string);
      else throw new SyntaxError();
    }
    if (clusterEnabled(server) && (db.id !== 0 || dst.id !== 0)) {
      throw new RedisError('ERR Copying to another database is not allowed in cluster mode');
    }
    const key = argv[1] as string;
    const newKey = argv[2] as string;
    if (dst === db && key === newKey) throw new RedisError('ERR source and destination objects are the same');
    const e = db.lookupRead(key);
    if (e === undefined) return 0;
    if (dst.lookup(newKey) !== undefined && !replace) return 0;
    db.copyTo(e, dst, newKey);
    dst.changed(newKey, EventClass.generic, 'copy_to');
    return 1;
  },
});
