import { defineContainer } from '@cinnabar/command-kit';
import { scriptDebug } from './script-debug.js';
import { scriptExists } from './script-exists.js';
import { scriptFlush } from './script-flush.js';
import { scriptHelp } from './script-help.js';
import { scriptKill } from './script-kill.js';
import { scriptLoad } from './script-load.js';

export const scriptCommand = defineContainer(
  { name: 'script', acl: ['@slow'], docs: { summary: 'A container for Lua scripts management commands', since: '2.6.0', group: 'scripting', complexity: 'Depends on subcommand.' } },
  [scriptDebug, scriptExists, scriptFlush, scriptHelp, scriptKill, scriptLoad],
);
