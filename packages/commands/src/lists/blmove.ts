import { defineCommand, parseBlockTimeout } from '@cinnabar/command-kit';
import { whereArg } from './list-args.js';
import { blockingMove } from './list-blocking.js';

export const blmove = defineCommand({
  name: 'blmove', arity: 6, flags: ['write', 'denyoom', 'noscript', 'blocking'], acl: ['@write', '@list', '@slow', '@blocking'],
  keys: { first: 1, last: 2, step: 1, flags: ['RW', 'ACCESS', 'DELETE', 'INSERT'] },
  docs: { summary: 'Pop an element from a list, push it to another list and return it; or block until one is available', since: '6.2.0', group: 'list', complexity: 'O(1)' },
  run: (c, argv) => {
    const from = whereArg(argv[3] as string);
    const to = whereArg(argv[4] as string);
    const deadline = parseBlockTimeout(argv[5] as string, c.server.clock.nowMs());
    const [, src, dst, wherefrom, whereto] = argv as [string, string, string, string, string];
    const later = ['LMOVE', src, dst, from === 'head' ? 'left' : 'right', to === 'head' ? 'left' : 'right'];
    return blockingMove(c, src, dst, from, to, deadline, { now: ['LMOVE', src, dst, wherefrom, whereto], later });
  },
});
