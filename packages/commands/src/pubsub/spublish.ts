import { defineCommand } from '@cinnabar/command-kit';

export const spublish = defineCommand({
  name: 'spublish', arity: 3, flags: ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'], acl: ['@pubsub', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['NOT_KEY'] },
  docs: { summary: 'Post a message to a shard channel', since: '7.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.' },
  run: (c, argv) => {
    // Replicas receive every message (Redis forces SPUBLISH to them, not to the AOF).
    c.server.propagation.force('repl');
    return c.server.pubsub.spublish(argv[1] as string, argv[2] as string);
  },
});
