import type { CommandDef } from '@cinnabar/command-kit';

export const geoCommands = [] satisfies CommandDef[];
