import type { CommandDef } from '@cinnabar/command-kit';

export const pubsubCommands = [] satisfies CommandDef[];
