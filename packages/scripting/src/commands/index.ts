import type { CommandDef } from '@cinnabar/command-kit';
import { evalCommand } from './eval.js';
import { evalRo } from './eval-ro.js';
import { evalsha } from './evalsha.js';
import { evalshaRo } from './evalsha-ro.js';
import { fcall } from './fcall.js';
import { fcallRo } from './fcall-ro.js';
import { functionCommand } from './function.js';
import { scriptCommand } from './script.js';

export const evalCommands = [evalCommand, evalsha, evalRo, evalshaRo, scriptCommand, fcall, fcallRo, functionCommand] satisfies CommandDef[];
