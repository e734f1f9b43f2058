import { defineCommand, token } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

// The Lua debugger (LDB) is not provided: NO is accepted, YES and SYNC are refused.
export const scriptDebug = defineCommand({
  name: 'script|debug', arity: 3, flags: ['noscript'], acl: ['@slow', '@scripting'],
  docs: { summary: 'Set the debug mode for executed scripts.', since: '3.2.0', group: 'scripting', complexity: 'O(1)' },
  run: (_c, argv) => {
    const mode = token(argv[2]);
    if (mode === 'NO') return reply.ok;
    if (mode === 'YES' || mode === 'SYNC') return reply.error('ERR SCRIPT DEBUG is not supported by this server');
    return reply.error('ERR Use SCRIPT DEBUG YES/SYNC/NO');
  },
});
