import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { setPairs } from './hset.js';

export const hmset = defineCommand({
  name: 'hmset', arity: -4, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Set multiple hash fields to multiple values', since: '2.0.0', group: 'hash', complexity: 'O(N) where N is the number of fields being set.' },
  run: (c, argv) => {
    setPairs(c, argv, 'hmset');
    return reply.ok;
  },
});
