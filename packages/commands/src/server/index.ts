import type { CommandDef } from '@cinnabar/command-kit';
import { command } from './command.js';
import { config } from './config.js';
import { debug } from './debug.js';
import { info } from './info.js';
import { latency } from './latency.js';
import { memory } from './memory.js';
import { shutdown } from './shutdown.js';
import { slowlog } from './slowlog.js';
import { time } from './time.js';

export const serverCommands = [command, config, debug, info, latency, memory, shutdown, slowlog, time] satisfies CommandDef[];
