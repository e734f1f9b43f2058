import { clip, defineCommand } from '@cinnabar/command-kit';
import { RedisError } from '@cinnabar/common';
import type { Reply } from '@cinnabar/resp';

/** PUBSUB CHANNELS / SHARDCHANNELS [pattern]: at most one pattern, as Redis checks it by hand. */
export function channelList(argv: readonly string[], channels: (pattern: string | null) => string[]): Reply {
  if (argv.length > 3) {
    throw new RedisError(`ERR unknown subcommand or wrong number of arguments for '${clip(argv[1] as string)}'. Try PUBSUB HELP.`);
  }
  return channels(argv[2] ?? null);
}

export const pubsubChannels = defineCommand({
  name: 'pubsub|channels', arity: -2, flags: ['pubsub', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'List active channels', since: '2.8.0', group: 'pubsub', complexity: 'O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)' },
  run: (c, argv) => channelList(argv, (pattern) => c.server.pubsub.channels(pattern, false)),
});
