import { defineCommand } from '@cinnabar/command-kit';

export const exec = defineCommand({
  name: 'exec', arity: 1, flags: ['noscript', 'loading', 'stale', 'skip_slowlog'], acl: ['@slow', '@transaction'],
  docs: { summary: 'Execute all commands issued after MULTI', since: '1.2.0', group: 'transactions', complexity: 'Depends on commands in the transaction' },
  run: (c) => c.server.dispatcher.exec(c),
});
