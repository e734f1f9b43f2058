import { defineCommand } from '@cinnabar/command-kit';
import { propagateAs, propagateAsDeletion } from '../propagate.js';
import { expireAtMs, parseExtendedArgs } from './extended-args.js';

export const getex = defineCommand({
  name: 'getex', arity: -2, flags: ['write', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Get the value of a key and optionally set its expiration', since: '6.2.0', group: 'string', complexity: 'O(1)' },
  run: (c, argv) => {
    const key = argv[1] as string;
    const a = parseExtendedArgs(argv, 2, false);
    // Never propagated as itself: as PERSIST, PEXPIREAT with the absolute time, or DEL/UNLINK.
    return c.db.strings.getEx(key, () => {
      if (a.persist) {
        propagateAs(c, ['PERSIST', key]);
        return { persist: true };
      }
      if (!a.expire) return null;
      const now = c.server.clock.nowMs();
      const atMs = expireAtMs(a.expire, now, 'getex');
      const absolute = a.expire.unit === 'EXAT' || a.expire.unit === 'PXAT';
      const deleteNow = absolute && atMs <= now;
      if (deleteNow) propagateAsDeletion(c, key, 'lazyfree-lazy-expire');
      else propagateAs(c, ['PEXPIREAT', key, String(atMs)]);
      return { atMs, deleteNow };
    });
  },
});
