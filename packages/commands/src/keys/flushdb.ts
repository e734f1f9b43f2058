import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { checkFlushArgs } from './flush-args.js';

export const flushdb = defineCommand({
  name: 'flushdb', arity: -1, flags: ['write'], acl: ['@keyspace', '@write', '@slow', '@dangerous'],
  keys: null,
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: { summary: 'Remove all keys from the current database', since: '1.0.0', group: 'server', complexity: 'O(N) where N is the number of keys in the selected database' },
  run: ({ db, server }, argv) => {
    checkFlushArgs(argv);
    server.keyspace.flushDb(db.id);
    // Propagated even when the database was already empty, as Redis forces it.
    server.propagation.force();
    return reply.ok;
  },
});
