// What EVAL, EVALSHA and their _RO variants share: numkeys, finding the script, running it.

import { parseInt64 } from '@cinnabar/common';
import type { ClientSession } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import type { CachedScript } from '../script-cache.js';
import { scriptingOf } from '../scripting.js';

const NOSCRIPT = 'NOSCRIPT No matching script. Please use EVAL.';

/** Keys of an EVAL-family call: numkeys at argv[2], keys after it (COMMAND GETKEYS, cluster). */
export function evalKeys(argv: readonly string[]): number[] {
  const n = Number(argv[2]);
  if (!Number.isInteger(n) || n <= 0 || n > argv.length - 3) return [];
  return Array.from({ length: n }, (_, i) => 3 + i);
}

export function runEval(c: ClientSession, argv: string[], bySha: boolean, readOnly: boolean): Reply | undefined {
  const numkeys = parseInt64(argv[2] as string);
  if (numkeys === null) return reply.error('ERR value is not an integer or out of range');
  if (numkeys > argv.length - 3) return reply.error("ERR Number of keys can't be greater than number of args");
  if (numkeys < 0) return reply.error("ERR Number of keys can't be negative");
  const scripting = scriptingOf(c.server);
  let script: CachedScript | undefined;
  if (bySha) {
    const sha = argv[1] as string;
    if (sha.length !== 40) return reply.error(NOSCRIPT);
    script = scripting.cache.get(sha.toLowerCase());
    if (script === undefined) return reply.error(NOSCRIPT);
  } else {
    const loaded = scripting.load(argv[1] as string);
    if (!isScript(loaded)) return loaded;
    script = loaded;
  }
  const n = Number(numkeys);
  // EVAL itself is never propagated: the commands it runs are, as one MULTI/EXEC batch.
  c.server.propagation.prevent();
  return scripting.run({ caller: c, script, keys: argv.slice(3, 3 + n), args: argv.slice(3 + n), readOnly });
}

function isScript(x: CachedScript | Reply): x is CachedScript {
  return x !== null && typeof x === 'object' && 'sha' in x && 'body' in x;
}
