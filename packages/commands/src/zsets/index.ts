import type { CommandDef } from '@cinnabar/command-kit';

export const zsetCommands = [] satisfies CommandDef[];
