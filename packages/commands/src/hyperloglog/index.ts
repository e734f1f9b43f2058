import type { CommandDef } from '@cinnabar/command-kit';
import { pfadd } from './pfadd.js';
import { pfcount } from './pfcount.js';
import { pfdebug } from './pfdebug.js';
import { pfmerge } from './pfmerge.js';
import { pfselftest } from './pfselftest.js';

export const hllCommands = [pfadd, pfcount, pfmerge, pfdebug, pfselftest] satisfies CommandDef[];
