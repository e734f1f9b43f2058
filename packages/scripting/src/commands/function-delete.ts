import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';

export const functionDelete = defineCommand({
  name: 'function|delete', arity: 3, flags: ['noscript', 'write'], acl: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: { summary: 'Delete a function by name', since: '7.0.0', group: 'scripting', complexity: 'O(1)' },
  run: (c, argv) => {
    if (!scriptingOf(c.server).functions.delete(argv[2] as string)) return reply.error('ERR Library not found');
    c.server.keyspace.stats.dirty++;
    return reply.ok;
  },
});
