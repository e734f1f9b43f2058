import type { CommandDef } from '@cinnabar/command-kit';

export const streamCommands = [] satisfies CommandDef[];
