import { defineCommand } from '@cinnabar/command-kit';
import { subscriberCounts } from './pubsub-numsub.js';

export const pubsubShardnumsub = defineCommand({
  name: 'pubsub|shardnumsub', arity: -2, flags: ['pubsub', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Get the count of subscribers for shard channels', since: '7.0.0', group: 'pubsub', complexity: 'O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels' },
  run: (c, argv) => subscriberCounts(argv, (channel) => c.server.pubsub.numsub(channel, true)),
});
