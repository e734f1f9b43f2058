import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { numkeysPositions } from '../lists/lmpop.js';
import { propagateZpop } from './zset-blocking.js';
import { parseZMpop, popFirstExisting } from './zset-pop.js';

export const zmpop = defineCommand({
  name: 'zmpop', arity: -4, flags: ['write'], acl: ['@write', '@sortedset', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['RW', 'ACCESS', 'DELETE'] },
  getKeys: (argv) => numkeysPositions(argv, 1),
  docs: { summary: 'Remove and return members with scores in a sorted set', since: '7.0.0', group: 'sorted_set', complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.' },
  run: (c, argv) => {
    const a = parseZMpop(argv, 1);
    const popped = popFirstExisting(c.db, a.keys, a.max, a.count);
    if (popped === null) return reply.nullArray;
    propagateZpop(c, popped, a.max, true);
    return [popped.key, popped.pairs.map(([m, s]) => [m, reply.double(s)])];
  },
});
