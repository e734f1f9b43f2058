import type { CommandDef } from '@cinnabar/command-kit';
import { functionCommand } from './function-flush.js';

export const scriptingCommands = [functionCommand] satisfies CommandDef[];
