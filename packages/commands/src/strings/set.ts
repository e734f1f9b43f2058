import { SyntaxError } from '@cinnabar/common';
import { defineCommand, intArg, token } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import type { SetOptions } from '@cinnabar/storage';
import { absoluteExpiry } from '../keys/expiry-args.js';

/** Parse SET's options after key and value. */
export function parseSetOptions(argv: readonly string[], from: number, nowMs: number): SetOptions {
  const opts: SetOptions = {};
  let expiry: string | null = null;
  for (let i = from; i < argv.length; i++) {
    const t = token(argv[i]);
    const next = argv[i + 1];
    if (t === 'NX' && !opts.xx) opts.nx = true;
    else if (t === 'XX' && !opts.nx) opts.xx = true;
    else if (t === 'GET') opts.get = true;
    else if (t === 'KEEPTTL' && expiry === null) opts.keepTtl = true;
    else if ((t === 'EX' || t === 'PX' || t === 'EXAT' || t === 'PXAT') && expiry === null && !opts.keepTtl && next !== undefined) {
      expiry = t;
      const n = intArg(next);
      opts.expireAtMs = absoluteExpiry(t, n, nowMs, 'set');
      i++;
    } else throw new SyntaxError();
  }
  return opts;
}

export const set = defineCommand({
  name: 'set', arity: -3, flags: ['write', 'denyoom'], acl: ['@write', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'] },
  docs: { summary: 'Set the string value of a key', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const opts = parseSetOptions(argv, 3, server.clock.nowMs());
    const r = db.strings.set(argv[1] as string, argv[2] as string, opts);
    if (opts.get) return r.old;
    return r.written ? reply.ok : null;
  },
});

