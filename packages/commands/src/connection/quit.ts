import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const quit = defineCommand({
  name: 'quit', arity: -1, flags: ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'], acl: ['@fast', '@connection'],
  docs: { summary: 'Close the connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c) => {
    // +OK obeys CLIENT REPLY OFF like any reply; nothing after QUIT is read.
    c.reply(reply.ok);
    c.closing = true;
    c.link.close(true);
    return undefined;
  },
});
