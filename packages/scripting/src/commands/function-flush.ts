import { defineCommand, token } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';
import { subcommandSyntaxError } from './function-restore.js';

export const functionFlush = defineCommand({
  name: 'function|flush', arity: -2, flags: ['noscript', 'write'], acl: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: { summary: 'Deleting all functions', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions deleted' },
  run: (c, argv) => {
    if (argv.length > 3) return reply.error(subcommandSyntaxError(argv));
    const mode = token(argv[2]);
    if (argv.length === 3 && mode !== 'SYNC' && mode !== 'ASYNC') return reply.error('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
    scriptingOf(c.server).functions.flush();
    c.server.keyspace.stats.dirty++;
    return reply.ok;
  },
});
