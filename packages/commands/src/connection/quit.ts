import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const quit = defineCommand({
  name: 'quit', arity: -1, flags: ['allow_busy', 'no_auth', 'loading', 'stale', 'fast'], acl: ['@fast', '@connection'],
  docs: { summary: 'Close the connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c) => {
    c.replyMode = 'on';
    c.reply(reply.ok);
    c.link.close(true);
    return undefined;
  },
});
