import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const unwatch = defineCommand({
  name: 'unwatch', arity: 1, flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], acl: ['@fast', '@transaction'],
  docs: { summary: 'Forget about all watched keys', since: '2.2.0', group: 'transactions', complexity: 'O(1)' },
  run: (c) => {
    c.server.watch.unwatchAll(c);
    return reply.ok;
  },
});
