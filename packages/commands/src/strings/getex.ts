import { defineCommand } from '@cinnabar/command-kit';
import { expireAtMs, parseExtendedArgs } from './extended-args.js';

export const getex = defineCommand({
  name: 'getex', arity: -2, flags: ['write', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Get the value of a key and optionally set its expiration', since: '6.2.0', group: 'string', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const a = parseExtendedArgs(argv, 2, false);
    return db.strings.getEx(argv[1] as string, () => {
      if (a.persist) return { persist: true };
      if (!a.expire) return null;
      const now = server.clock.nowMs();
      const atMs = expireAtMs(a.expire, now, 'getex');
      const absolute = a.expire.unit === 'EXAT' || a.expire.unit === 'PXAT';
      return { atMs, deleteNow: absolute && atMs <= now };
    });
  },
});
