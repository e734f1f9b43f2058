import type { CommandDef } from '@cinnabar/command-kit';

export const serverCommands = [] satisfies CommandDef[];
