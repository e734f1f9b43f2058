import { defineCommand } from '@cinnabar/command-kit';

export const pubsubNumpat = defineCommand({
  name: 'pubsub|numpat', arity: 2, flags: ['pubsub', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Get the count of unique patterns pattern subscriptions', since: '2.8.0', group: 'pubsub', complexity: 'O(1)' },
  run: (c) => c.server.pubsub.numpat(),
});
