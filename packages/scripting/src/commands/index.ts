import type { CommandDef } from '@cinnabar/command-kit';
import { evalCommand } from './eval.js';
import { evalRo } from './eval-ro.js';
import { evalsha } from './evalsha.js';
import { evalshaRo } from './evalsha-ro.js';
import { scriptCommand } from './script.js';

export const evalCommands = [evalCommand, evalsha, evalRo, evalshaRo, scriptCommand] satisfies CommandDef[];
