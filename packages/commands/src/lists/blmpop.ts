import { defineCommand, parseBlockTimeout } from '@cinnabar/command-kit';
import { blockingPop } from './list-blocking.js';
import { popFirstNonEmpty } from './list-ops.js';
import { numkeysPositions, parseMpop } from './lmpop.js';

export const blmpop = defineCommand({
  name: 'blmpop', arity: -5, flags: ['write', 'blocking'], acl: ['@write', '@list', '@slow', '@blocking'],
  keys: { first: 0, last: 0, step: 0, flags: ['RW', 'ACCESS', 'DELETE'] },
  getKeys: (argv) => numkeysPositions(argv, 2),
  docs: { summary: 'Pop elements from a list, or block until one is available', since: '7.0.0', group: 'list', complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.' },
  run: (c, argv) => {
    // Redis checks numkeys, the direction and COUNT before the timeout.
    const a = parseMpop(argv, 2);
    const deadline = parseBlockTimeout(argv[1] as string, c.server.clock.nowMs());
    return blockingPop(c, a.keys, a.end, a.count, deadline, () => popFirstNonEmpty(c.db, a.keys, a.end, a.count), (p) => p);
  },
});
