import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const multi = defineCommand({
  name: 'multi', arity: 1, flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], acl: ['@fast', '@transaction'],
  docs: { summary: 'Mark the start of a transaction block', since: '1.2.0', group: 'transactions', complexity: 'O(1)' },
  run: (c) => {
    if (c.multi !== null) return reply.error('ERR MULTI calls can not be nested');
    c.multi = [];
    c.multiError = false;
    return reply.ok;
  },
});
