import type { CommandDef } from '@cinnabar/command-kit';
import { get } from './get.js';
import { set } from './set.js';

export const stringCommands = [get, set] satisfies CommandDef[];
