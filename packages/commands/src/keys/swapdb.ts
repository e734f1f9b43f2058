import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { clusterEnabled, int32Arg } from './db-index.js';

export const swapdb = defineCommand({
  name: 'swapdb', arity: 3, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast', '@dangerous'],
  keys: null,
  docs: { summary: 'Swaps two Redis databases', since: '4.0.0', group: 'server', complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.' },
  run: ({ server }, argv) => {
    if (clusterEnabled(server)) throw new RedisError('ERR SWAPDB is not allowed in cluster mode');
    const a = int32Arg(argv[1] as string, () => new RedisError('ERR invalid first DB index'));
    const b = int32Arg(argv[2] as string, () => new RedisError('ERR invalid second DB index'));
    server.keyspace.swap(a, b);
    return reply.ok;
  },
});
