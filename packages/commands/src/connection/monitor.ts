import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const monitor = defineCommand({
  name: 'monitor', arity: 1, flags: ['admin', 'noscript', 'loading', 'stale'], acl: ['@admin', '@slow', '@dangerous'],
  docs: { summary: 'Listen for all requests received by the server in real time', since: '1.0.0', group: 'server' },
  run: (c) => {
    // A client expecting one reply per command (inside EXEC) cannot turn into a stream.
    if (c.inExec) return reply.error("ERR MONITOR isn't allowed for DENY BLOCKING client");
    // A second MONITOR is ignored without a reply, as in Redis.
    if (c.monitor) return undefined;
    c.monitor = true;
    c.server.monitors.add(c);
    return reply.ok;
  },
});
