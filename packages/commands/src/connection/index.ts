import type { CommandDef } from '@cinnabar/command-kit';
import { echo } from './echo.js';
import { ping } from './ping.js';
import { quit } from './quit.js';
import { select } from './select.js';

export const connectionCommands = [ping, echo, select, quit] satisfies CommandDef[];
