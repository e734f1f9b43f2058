import { defineCommand } from '@cinnabar/command-kit';
import { SHARD_CHANNELS, unsubscribeFrom } from './subscriptions.js';

export const sunsubscribe = defineCommand({
  name: 'sunsubscribe', arity: -1, flags: ['pubsub', 'noscript', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  keys: { first: 1, last: -1, step: 1, flags: ['NOT_KEY'] },
  docs: { summary: 'Stop listening for messages posted to the given shard channels', since: '7.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of clients already subscribed to a shard channel.' },
  run: (c, argv) => unsubscribeFrom(SHARD_CHANNELS, c, argv),
});
