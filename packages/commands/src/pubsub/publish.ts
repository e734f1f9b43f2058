import { defineCommand } from '@cinnabar/command-kit';

export const publish = defineCommand({
  name: 'publish', arity: 3, flags: ['pubsub', 'loading', 'stale', 'fast', 'may_replicate', 'sentinel'], acl: ['@pubsub', '@fast'],
  docs: { summary: 'Post a message to a channel', since: '2.0.0', group: 'pubsub', complexity: 'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).' },
  run: (c, argv) => {
    // Replicas receive every message (Redis forces PUBLISH to them, not to the AOF).
    c.server.propagation.force('repl');
    return c.server.pubsub.publish(argv[1] as string, argv[2] as string);
  },
});
