// BGREWRITEAOF: a fork-less AOF rewrite; the persistence port decides started, scheduled or refused.

import { defineCommand } from '@cinnabar/command-kit';

export const bgrewriteaof = defineCommand({
  name: 'bgrewriteaof', arity: 1, flags: ['admin', 'noscript', 'no_async_loading'],
  docs: { summary: 'Asynchronously rewrite the append-only file', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  run: ({ server }) => server.persistence.bgrewriteaof(),
});
