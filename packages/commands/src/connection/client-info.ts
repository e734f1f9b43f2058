import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { clientLine } from './client-line.js';

export const clientInfo = defineCommand({
  name: 'client|info', arity: 2, flags: ['noscript', 'loading', 'stale', 'sentinel'], acl: ['@slow', '@connection'],
  tips: ['nondeterministic_output'],
  docs: { summary: 'Returns information about the current client connection.', since: '6.2.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => reply.verbatim(`${clientLine(c, c.server.clock.nowMs(), argv)}\n`),
});
