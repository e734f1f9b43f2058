import { SyntaxError } from '@cinnabar/common';
import { defineCommand, defineContainer, token } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

// Functions (FUNCTION LOAD / FCALL) arrive with the scripting subsystem; until then the
// library registry is always empty, so FLUSH has nothing to delete and succeeds as Redis does.
export const functionFlush = defineCommand({
  name: 'function|flush', arity: -2, flags: ['write', 'noscript'], acl: ['@write', '@slow', '@scripting'],
  docs: { summary: 'Delete all functions', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions deleted' },
  run: (_c, argv) => {
    if (argv.length > 3) throw new SyntaxError();
    const mode = token(argv[2]);
    if (argv.length === 3 && mode !== 'ASYNC' && mode !== 'SYNC') {
      return reply.error('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
    }
    return reply.ok;
  },
});

export const functionCommand = defineContainer(
  { name: 'function', acl: ['@slow'], docs: { summary: 'A container for function commands', since: '7.0.0', group: 'scripting', complexity: 'Depends on subcommand.' } },
  [functionFlush],
);
