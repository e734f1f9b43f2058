import { defineCommand } from '@cinnabar/command-kit';
import { PATTERNS, subscribeTo } from './subscriptions.js';

export const psubscribe = defineCommand({
  name: 'psubscribe', arity: -2, flags: ['pubsub', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Listen for messages published to channels matching the given patterns', since: '2.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of patterns the client is already subscribed to.' },
  run: (c, argv) => subscribeTo(PATTERNS, c, argv),
});
