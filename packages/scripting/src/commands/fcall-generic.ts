// What FCALL and FCALL_RO share: finding the function, numkeys, running it as EVAL runs scripts.

import { parseInt64 } from '@cinnabar/common';
import type { ClientSession } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { scriptingOf } from '../scripting.js';

export function runFcall(c: ClientSession, argv: string[], readOnly: boolean): Reply | undefined {
  const scripting = scriptingOf(c.server);
  const fn = scripting.functions.find(argv[1] as string);
  if (fn === undefined) return reply.error('ERR Function not found');
  const numkeys = parseInt64(argv[2] as string);
  if (numkeys === null) return reply.error('ERR Bad number of keys provided');
  if (numkeys > argv.length - 3) return reply.error("ERR Number of keys can't be greater than number of args");
  if (numkeys < 0) return reply.error("ERR Number of keys can't be negative");
  const n = Number(numkeys);
  // FCALL itself is never propagated: the commands the function runs are.
  c.server.propagation.prevent();
  return scripting.run({ caller: c, script: fn, keys: argv.slice(3, 3 + n), args: argv.slice(3 + n), readOnly });
}
