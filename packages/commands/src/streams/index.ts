import type { CommandDef } from '@cinnabar/command-kit';
import { xadd } from './xadd.js';
import { xdel } from './xdel.js';
import { xlen } from './xlen.js';
import { xread } from './xread.js';
import { xreadgroup } from './xreadgroup.js';
import { xrange } from './xrange.js';
import { xrevrange } from './xrevrange.js';
import { xtrim } from './xtrim.js';

export const streamCommands = [
  xadd, xrange, xrevrange, xlen, xdel, xtrim, xread, xreadgroup,
] satisfies CommandDef[];
