import { SyntaxError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const clientReply = defineCommand({
  name: 'client|reply', arity: 3, flags: ['noscript', 'loading', 'stale', 'sentinel'], acl: ['@slow', '@connection'],
  docs: { summary: 'Instruct the server whether to reply to commands', since: '3.2.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    switch ((argv[2] as string).toLowerCase()) {
      case 'on':
        c.replyMode = 'on';
        return reply.ok;
      case 'off':
        c.replyMode = 'off';
        return undefined;
      case 'skip':
        // The dispatcher turns 'skipnext' into 'skip' for the next command, then back to 'on'.
        if (c.replyMode !== 'off') c.replyMode = 'skipnext';
        return undefined;
      default:
        throw new SyntaxError();
    }
  },
});
