import type { CommandDef } from '@cinnabar/command-kit';

export const setCommands = [] satisfies CommandDef[];
