import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const clientUnpause = defineCommand({
  name: 'client|unpause', arity: 2, flags: ['admin', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@admin', '@slow', '@dangerous', '@connection'],
  docs: { summary: 'Resume processing of clients that were paused', since: '6.2.0', group: 'connection', complexity: 'O(N) Where N is the number of paused clients' },
  run: (c) => {
    c.server.clients.unpause('client', c.server.clock.nowMs());
    return reply.ok;
  },
});
