import { defineContainer } from '@cinnabar/command-kit';
import { functionDelete } from './function-delete.js';
import { functionDump } from './function-dump.js';
import { functionFlush } from './function-flush.js';
import { functionHelp } from './function-help.js';
import { functionKill } from './function-kill.js';
import { functionList } from './function-list.js';
import { functionLoad } from './function-load.js';
import { functionRestore } from './function-restore.js';
import { functionStats } from './function-stats.js';

export const functionCommand = defineContainer(
  { name: 'function', acl: ['@slow'], docs: { summary: 'A container for function commands', since: '7.0.0', group: 'scripting', complexity: 'Depends on subcommand.' } },
  [functionDelete, functionDump, functionFlush, functionHelp, functionKill, functionList, functionLoad, functionRestore, functionStats],
);
