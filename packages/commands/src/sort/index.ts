import type { CommandDef } from '@cinnabar/command-kit';
import { sort } from './sort.js';
import { sortRo } from './sort-ro.js';

export const sortCommands = [sort, sortRo] satisfies CommandDef[];
