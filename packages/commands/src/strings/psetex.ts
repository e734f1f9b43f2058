import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { propagateAs } from '../propagate.js';
import { expireAtMs } from './extended-args.js';

export const psetex = defineCommand({
  name: 'psetex', arity: 4, flags: ['write', 'denyoom'], acl: ['@write', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['OW', 'UPDATE'] },
  docs: { summary: 'Set the value and expiration in milliseconds of a key', since: '2.6.0', group: 'string', complexity: 'O(1)' },
  run: (c, argv) => {
    const at = expireAtMs({ unit: 'PX', text: argv[2] as string }, c.server.clock.nowMs(), 'psetex');
    c.db.strings.set(argv[1] as string, argv[3] as string, { expireAtMs: at });
    propagateAs(c, ['SET', argv[1] as string, argv[3] as string, 'PXAT', String(at)]);
    return reply.ok;
  },
});
