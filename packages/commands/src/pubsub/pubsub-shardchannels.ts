import { defineCommand } from '@cinnabar/command-kit';
import { channelList } from './pubsub-channels.js';

export const pubsubShardchannels = defineCommand({
  name: 'pubsub|shardchannels', arity: -2, flags: ['pubsub', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'List active shard channels', since: '7.0.0', group: 'pubsub', complexity: 'O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).' },
  run: (c, argv) => channelList(argv, (pattern) => c.server.pubsub.channels(pattern, true)),
});
