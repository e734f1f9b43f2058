import { defineCommand } from '@cinnabar/command-kit';

export const clientId = defineCommand({
  name: 'client|id', arity: 2, flags: ['noscript', 'loading', 'stale', 'sentinel'], acl: ['@slow', '@connection'],
  docs: { summary: 'Returns the client ID for the current connection', since: '5.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c) => c.id,
});
