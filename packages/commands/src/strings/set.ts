import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { propagateAs } from '../propagate.js';
import { expireAtMs, parseExtendedArgs } from './extended-args.js';

export const set = defineCommand({
  name: 'set', arity: -3, flags: ['write', 'denyoom'], acl: ['@write', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'] },
  docs: { summary: 'Set the string value of a key', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: (c, argv) => {
    if (argv.length === 3) {
      c.db.strings.setPlain(argv[1] as string, argv[2] as string);
      return reply.ok;
    }
    const { db, server } = c;
    const a = parseExtendedArgs(argv, 3, true);
    const expireAt = a.expire ? expireAtMs(a.expire, server.clock.nowMs(), 'set') : undefined;
    const r = db.strings.set(argv[1] as string, argv[2] as string, { nx: a.nx, xx: a.xx, get: a.get, keepTtl: a.keepTtl, expireAtMs: expireAt });
    // Propagated with an absolute expiry, and without GET (Redis drops every GET token).
    if (expireAt !== undefined) propagateAs(c, ['SET', argv[1] as string, argv[2] as string, 'PXAT', String(expireAt)]);
    else if (a.get) propagateAs(c, argv.filter((t, j) => j < 3 || t.toUpperCase() !== 'GET'));
    if (a.get) return r.old;
    return r.written ? reply.ok : null;
  },
});
