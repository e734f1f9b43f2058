import type { CommandDef } from '@cinnabar/command-kit';

export const listCommands = [] satisfies CommandDef[];
