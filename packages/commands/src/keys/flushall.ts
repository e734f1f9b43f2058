import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { checkFlushArgs } from './flush-args.js';

export const flushall = defineCommand({
  name: 'flushall', arity: -1, flags: ['write'], acl: ['@keyspace', '@write', '@slow', '@dangerous'],
  keys: null,
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: { summary: 'Remove all keys from all databases', since: '1.0.0', group: 'server', complexity: 'O(N) where N is the total number of keys in all databases' },
  run: ({ server }, argv) => {
    checkFlushArgs(argv);
    server.keyspace.flushAll();
    // A running BGSAVE is stopped and, with save points, the empty dataset saved (dirty kept).
    server.persistence.flushedAll();
    // Propagated even when every database was already empty, as Redis forces it.
    server.propagation.force();
    return reply.ok;
  },
});
