// SAVE: a synchronous RDB snapshot, performed by the persistence port.

import { defineCommand } from '@cinnabar/command-kit';

export const save = defineCommand({
  name: 'save', arity: 1, flags: ['admin', 'noscript', 'no_async_loading', 'no_multi'],
  docs: { summary: 'Synchronously save the dataset to disk', since: '1.0.0', group: 'server', complexity: 'O(N) where N is the total number of keys in all databases' },
  run: ({ server }) => server.persistence.save(),
});
