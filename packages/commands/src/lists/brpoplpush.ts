import { defineCommand, parseBlockTimeout } from '@cinnabar/command-kit';
import { blockingMove } from './list-blocking.js';

export const brpoplpush = defineCommand({
  name: 'brpoplpush', arity: 4, flags: ['write', 'denyoom', 'noscript', 'blocking'], acl: ['@write', '@list', '@slow', '@blocking'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE', 'INSERT'] },
  docs: { summary: 'Pop an element from a list, push it to another list and return it; or block until one is available', since: '2.2.0', group: 'list', complexity: 'O(1)' },
  run: (c, argv) => {
    const deadline = parseBlockTimeout(argv[3] as string, c.server.clock.nowMs());
    const as = ['RPOPLPUSH', argv[1] as string, argv[2] as string];
    return blockingMove(c, argv[1] as string, argv[2] as string, 'tail', 'head', deadline, { now: as, later: as });
  },
});
