import type { CommandDef } from '@cinnabar/command-kit';

export const sortCommands = [] satisfies CommandDef[];
