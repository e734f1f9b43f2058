import type { CommandDef } from '@cinnabar/command-kit';
import { del } from './del.js';

export const keyCommands = [del] satisfies CommandDef[];
