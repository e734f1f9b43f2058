import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const watch = defineCommand({
  name: 'watch', arity: -2, flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], acl: ['@fast', '@transaction'],
  keys: { first: 1, last: -1, step: 1, flags: ['RO'] },
  docs: { summary: 'Watch the given keys to determine execution of the MULTI/EXEC block', since: '2.2.0', group: 'transactions', complexity: 'O(1) for every key.' },
  run: (c, argv) => {
    if (c.multi !== null) return reply.error('ERR WATCH inside MULTI is not allowed');
    for (let i = 1; i < argv.length; i++) c.server.watch.watch(c, argv[i] as string);
    return reply.ok;
  },
});
