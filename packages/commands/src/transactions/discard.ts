import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const discard = defineCommand({
  name: 'discard', arity: 1, flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], acl: ['@fast', '@transaction'],
  docs: { summary: 'Discard all commands issued after MULTI', since: '2.0.0', group: 'transactions', complexity: 'O(N), when N is the number of queued commands' },
  run: (c) => {
    if (c.multi === null) return reply.error('ERR DISCARD without MULTI');
    c.multi = null;
    c.multiError = false;
    c.server.watch.unwatchAll(c);
    return reply.ok;
  },
});
