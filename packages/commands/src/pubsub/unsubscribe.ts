import { defineCommand } from '@cinnabar/command-kit';
import { CHANNELS, unsubscribeFrom } from './subscriptions.js';

export const unsubscribe = defineCommand({
  name: 'unsubscribe', arity: -1, flags: ['pubsub', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Stop listening for messages posted to the given channels', since: '2.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of clients already subscribed to a channel.' },
  run: (c, argv) => unsubscribeFrom(CHANNELS, c, argv),
});
