import type { CommandDef } from '@cinnabar/command-kit';
import { discard } from './discard.js';
import { exec } from './exec.js';
import { multi } from './multi.js';
import { unwatch } from './unwatch.js';
import { watch } from './watch.js';

export const transactionCommands = [multi, exec, discard, watch, unwatch] satisfies CommandDef[];
