import { defineCommand } from '@cinnabar/command-kit';
import { PATTERNS, unsubscribeFrom } from './subscriptions.js';

export const punsubscribe = defineCommand({
  name: 'punsubscribe', arity: -1, flags: ['pubsub', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Stop listening for messages posted to channels matching the given patterns', since: '2.0.0', group: 'pubsub', complexity: 'O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).' },
  run: (c, argv) => unsubscribeFrom(PATTERNS, c, argv),
});
