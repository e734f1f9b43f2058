import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { hllSelfTest } from '@cinnabar/storage';

export const pfselftest = defineCommand({
  name: 'pfselftest', arity: 1, flags: ['admin'], acl: ['@hyperloglog', '@admin', '@slow', '@dangerous'],
  keys: null,
  docs: { summary: 'An internal command for testing HyperLogLog values', since: '2.8.9', group: 'hyperloglog', complexity: 'N/A' },
  run: ({ server }) => {
    const failure = hllSelfTest(() => server.random.int(0x80000000), server.keyspace.limits.hllSparseMaxBytes);
    if (failure !== null) throw new RedisError(failure);
    return reply.ok;
  },
});
