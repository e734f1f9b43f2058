import { defineCommand } from '@cinnabar/command-kit';
import { createFunctionsPayload } from '@cinnabar/persistence';
import { scriptingOf } from '../scripting.js';

export const functionDump = defineCommand({
  name: 'function|dump', arity: 2, flags: ['noscript'], acl: ['@slow', '@scripting'],
  docs: { summary: 'Dump all functions into a serialized binary payload', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions' },
  run: (c) => createFunctionsPayload(scriptingOf(c.server).functions.codes(), c.server.config.get<boolean>('rdbcompression')),
});
