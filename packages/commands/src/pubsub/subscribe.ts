import { defineCommand } from '@cinnabar/command-kit';
import { CHANNELS, subscribeTo } from './subscriptions.js';

export const subscribe = defineCommand({
  name: 'subscribe', arity: -2, flags: ['pubsub', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Listen for messages published to the given channels', since: '2.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of channels to subscribe to.' },
  run: (c, argv) => subscribeTo(CHANNELS, c, argv),
});
