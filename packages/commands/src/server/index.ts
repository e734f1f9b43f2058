import type { CommandDef } from '@cinnabar/command-kit';
import { bgrewriteaof } from './bgrewriteaof.js';
import { bgsave } from './bgsave.js';
import { command } from './command.js';
import { config } from './config.js';
import { debug } from './debug.js';
import { info } from './info.js';
import { lastsave } from './lastsave.js';
import { latency } from './latency.js';
import { memory } from './memory.js';
import { save } from './save.js';
import { shutdown } from './shutdown.js';
import { slowlog } from './slowlog.js';
import { psync, sync } from './sync.js';
import { time } from './time.js';

export const serverCommands = [bgrewriteaof, bgsave, command, config, debug, info, lastsave, latency, memory, psync, save, shutdown, slowlog, sync, time] satisfies CommandDef[];
