import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { SHARD_CHANNELS, subscribeTo } from './subscriptions.js';

export const ssubscribe = defineCommand({
  name: 'ssubscribe', arity: -2, flags: ['pubsub', 'noscript', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['NOT_KEY'] },
  docs: { summary: 'Listen for messages published to the given shard channels', since: '7.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of shard channels to subscribe to.' },
  run: (c, argv) => {
    // Unlike SUBSCRIBE, no exception for transactions: EXEC denies it as a blocking client.
    if (c.inExec) return reply.error("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client");
    return subscribeTo(SHARD_CHANNELS, c, argv);
  },
});
