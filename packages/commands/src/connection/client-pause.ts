import { INT64_MAX, parseInt64, RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const clientPause = defineCommand({
  name: 'client|pause', arity: -3, flags: ['admin', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@admin', '@slow', '@dangerous', '@connection'],
  docs: { summary: 'Stop processing commands from clients for some time', since: '2.9.50', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    if (argv.length > 4) {
      return reply.error("ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP.");
    }
    const mode = (argv[3] ?? 'all').toLowerCase();
    if (mode !== 'write' && mode !== 'all') return reply.error('ERR CLIENT PAUSE mode must be WRITE or ALL');
    const timeout = parseInt64(argv[2] as string);
    if (timeout === null) return reply.error('ERR timeout is not an integer or out of range');
    if (timeout < 0) return reply.error('ERR timeout is negative');
    const now = c.server.clock.nowMs();
    // Redis adds the timeout to its clock in 64 bits: a sum past INT64_MAX wraps negative,
    // which is an end already passed.
    const end = timeout === 0 ? 0 : BigInt(timeout) + BigInt(now) > INT64_MAX ? -1 : Number(timeout) + now;
    c.server.clients.pause('client', end, mode, now);
    return reply.ok;
  },
});
