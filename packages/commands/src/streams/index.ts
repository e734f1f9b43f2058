import type { CommandDef } from '@cinnabar/command-kit';
import { xack } from './xack.js';
import { xadd } from './xadd.js';
import { xautoclaim } from './xautoclaim.js';
import { xclaim } from './xclaim.js';
import { xdel } from './xdel.js';
import { xgroup } from './xgroup.js';
import { xinfo } from './xinfo.js';
import { xlen } from './xlen.js';
import { xpending } from './xpending.js';
import { xrange } from './xrange.js';
import { xread } from './xread.js';
import { xreadgroup } from './xreadgroup.js';
import { xrevrange } from './xrevrange.js';
import { xsetid } from './xsetid.js';
import { xtrim } from './xtrim.js';

export const streamCommands = [
  xadd, xrange, xrevrange, xlen, xdel, xtrim, xread, xreadgroup,
  xgroup, xack, xpending, xclaim, xautoclaim, xinfo, xsetid,
] satisfies CommandDef[];
