import { NotIntegerError, parseInt64, RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const select = defineCommand({
  name: 'select', arity: 2, flags: ['loading', 'stale', 'fast'], acl: ['@fast', '@connection'],
  docs: { summary: 'Change the selected database for the current connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    const index = parseInt64(argv[1] as string);
    if (index === null) throw new NotIntegerError();
    if (index < -2147483648 || index > 2147483647) throw new RedisError('ERR value is out of range, value must between -2147483648 and 2147483647');
    if (c.server.config.get<boolean>('cluster-enabled') && index !== 0) throw new RedisError('ERR SELECT is not allowed in cluster mode');
    if (index < 0 || index >= c.server.keyspace.dbs.length) throw new RedisError('ERR DB index is out of range');
    c.select(Number(index));
    return reply.ok;
  },
});
