import { RedisError } from '@cinnabar/common';
import { defineCommand, int64Arg, token } from '@cinnabar/command-kit';

export const clientUnblock = defineCommand({
  name: 'client|unblock', arity: -3, flags: ['admin', 'noscript', 'loading', 'stale'], acl: ['@admin', '@slow', '@dangerous', '@connection'],
  docs: { summary: 'Unblock a client blocked in a blocking command from a different connection', since: '5.0.0', group: 'connection', complexity: 'O(log N) where N is the number of client connections' },
  run: (c, argv) => {
    if (argv.length > 4) throw new RedisError('ERR syntax error');
    const reason = argv.length === 4 ? token(argv[3]) : 'TIMEOUT';
    if (reason !== 'TIMEOUT' && reason !== 'ERROR') throw new RedisError('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
    const id = int64Arg(argv[2] as string);
    const target = typeof id === 'number' ? c.server.clients.get(id) : undefined;
    return target !== undefined && c.server.blocking.unblock(target, reason === 'ERROR') ? 1 : 0;
  },
});
