import { RedisError } from '@cinnabar/common';
import { defineCommand, intArg } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const select = defineCommand({
  name: 'select', arity: 2, flags: ['loading', 'stale', 'fast'], acl: ['@keyspace', '@fast'],
  docs: { summary: 'Change the selected database for the current connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    const index = intArg(argv[1] as string, () => new RedisError('ERR invalid DB index'));
    if (index < 0 || index >= c.server.keyspace.dbs.length) throw new RedisError('ERR DB index is out of range');
    c.select(index);
    return reply.ok;
  },
});
