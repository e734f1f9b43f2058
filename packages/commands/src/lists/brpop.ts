import { defineCommand, parseBlockTimeout } from '@cinnabar/command-kit';
import { blockingPop } from './list-blocking.js';
import { popFirstNonEmpty } from './list-ops.js';

export const brpop = defineCommand({
  name: 'brpop', arity: -3, flags: ['write', 'noscript', 'blocking'], acl: ['@write', '@list', '@slow', '@blocking'],
  keys: { first: 1, last: -2, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Remove and get the last element in a list, or block until one is available', since: '2.0.0', group: 'list', complexity: 'O(N) where N is the number of provided keys.' },
  run: (c, argv) => {
    const deadline = parseBlockTimeout(argv[argv.length - 1] as string, c.server.clock.nowMs());
    const keys = argv.slice(1, -1);
    return blockingPop(c, keys, 'tail', 1, deadline, () => popFirstNonEmpty(c.db, keys, 'tail', 1), ([k, [v]]) => [k, v as string]);
  },
});
