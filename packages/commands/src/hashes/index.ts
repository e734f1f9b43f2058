import type { CommandDef } from '@cinnabar/command-kit';

export const hashCommands = [] satisfies CommandDef[];
