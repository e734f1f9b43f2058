import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const ping = defineCommand({
  name: 'ping', arity: -1, flags: ['fast', 'sentinel'], acl: ['@fast', '@connection'],
  docs: { summary: 'Ping the server', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    if (argv.length > 2) return reply.error("ERR wrong number of arguments for 'ping' command");
    // A RESP2 client in subscribed mode gets a pong message shaped like pub/sub messages.
    if (c.inPubSubMode) return ['pong', argv[1] ?? ''];
    return argv.length === 2 ? (argv[1] as string) : reply.pong;
  },
});
