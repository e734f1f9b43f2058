import { defineCommand, token } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';

export const scriptFlush = defineCommand({
  name: 'script|flush', arity: -2, flags: ['noscript'], acl: ['@slow', '@scripting'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  docs: { summary: 'Remove all the scripts from the script cache.', since: '2.6.0', group: 'scripting', complexity: 'O(N) with N being the number of scripts in cache' },
  run: (c, argv) => {
    const mode = argv.length === 3 ? token(argv[2]) : '';
    if (argv.length > 3 || (argv.length === 3 && mode !== 'SYNC' && mode !== 'ASYNC')) {
      return reply.error('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
    }
    scriptingOf(c.server).flush();
    return reply.ok;
  },
});
