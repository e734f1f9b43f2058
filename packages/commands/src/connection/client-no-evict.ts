import { SyntaxError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const clientNoEvict = defineCommand({
  name: 'client|no-evict', arity: 3, flags: ['admin', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@admin', '@slow', '@dangerous', '@connection'],
  docs: { summary: 'Set client eviction mode for the current connection', since: '7.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    const mode = (argv[2] as string).toLowerCase();
    if (mode !== 'on' && mode !== 'off') throw new SyntaxError();
    c.noEvict = mode === 'on';
    return reply.ok;
  },
});
