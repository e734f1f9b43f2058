import type { CommandDef } from '@cinnabar/command-kit';

export const hllCommands = [] satisfies CommandDef[];
