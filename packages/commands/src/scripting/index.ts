import type { CommandDef } from '@cinnabar/command-kit';

// FUNCTION, FCALL and EVAL live in @cinnabar/scripting (its evalCommands); nothing is left here.
export const scriptingCommands = [] satisfies CommandDef[];
