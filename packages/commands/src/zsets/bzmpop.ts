import { defineCommand, parseBlockTimeout } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { numkeysPositions } from '../lists/lmpop.js';
import { blockingZpop } from './zset-blocking.js';
import { parseZMpop } from './zset-pop.js';

export const bzmpop = defineCommand({
  name: 'bzmpop', arity: -5, flags: ['write', 'blocking'], acl: ['@write', '@sortedset', '@slow', '@blocking'],
  keys: { first: 0, last: 0, step: 0, flags: ['RW', 'ACCESS', 'DELETE'] },
  getKeys: (argv) => numkeysPositions(argv, 2),
  docs: { summary: 'Remove and return members with scores in a sorted set or block until one is available', since: '7.0.0', group: 'sorted_set', complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.' },
  run: (c, argv) => {
    const a = parseZMpop(argv, 2);
    const deadline = parseBlockTimeout(argv[1] as string, c.server.clock.nowMs());
    return blockingZpop(c, a.keys, a.max, a.count, deadline, ({ key, pairs }) => [key, pairs.map(([m, s]) => [m, reply.double(s)])]);
  },
});
