import type { CommandDef } from '@cinnabar/command-kit';
import { auth } from './auth.js';
import { client } from './client.js';
import { echo } from './echo.js';
import { hello } from './hello.js';
import { monitor } from './monitor.js';
import { ping } from './ping.js';
import { quit } from './quit.js';
import { reset } from './reset.js';
import { select } from './select.js';

export const connectionCommands = [ping, echo, select, quit, reset, hello, auth, client, monitor] satisfies CommandDef[];
