import { defineCommand } from '@cinnabar/command-kit';
import type { Reply } from '@cinnabar/resp';

/** [channel, subscribers, ...] for each channel named after the subcommand. */
export function subscriberCounts(argv: readonly string[], count: (channel: string) => number): Reply[] {
  const out: Reply[] = [];
  for (let i = 2; i < argv.length; i++) out.push(argv[i] as string, count(argv[i] as string));
  return out;
}

export const pubsubNumsub = defineCommand({
  name: 'pubsub|numsub', arity: -2, flags: ['pubsub', 'loading', 'stale'], acl: ['@pubsub', '@slow'],
  docs: { summary: 'Get the count of subscribers for channels', since: '2.8.0', group: 'pubsub', complexity: 'O(N) for the NUMSUB subcommand, where N is the number of requested channels' },
  run: (c, argv) => subscriberCounts(argv, (channel) => c.server.pubsub.numsub(channel, false)),
});
