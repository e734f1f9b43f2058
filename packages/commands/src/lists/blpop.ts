import { type CommandDef, defineCommand, parseBlockTimeout } from '@cinnabar/command-kit';
import type { ListEnd } from '@cinnabar/storage';
import { blockingPop } from './list-blocking.js';
import { popFirstNonEmpty } from './list-ops.js';

/** BLPOP and BRPOP differ only in the end they pop from. */
export function blockingPopCommand(name: string, end: ListEnd, which: string): CommandDef {
  return defineCommand({
    name, arity: -3, flags: ['write', 'noscript', 'blocking'], acl: ['@write', '@list', '@slow', '@blocking'],
    keys: { first: 1, last: -2, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
    docs: { summary: `Remove and get the ${which} element in a list, or block until one is available`, since: '2.0.0', group: 'list', complexity: 'O(N) where N is the number of provided keys.' },
    run: (c, argv) => {
      const deadline = parseBlockTimeout(argv[argv.length - 1] as string, c.server.clock.nowMs());
      const keys = argv.slice(1, -1);
      return blockingPop(c, keys, end, null, deadline, () => popFirstNonEmpty(c.db, keys, end, 1), ([k, [v]]) => [k, v as string]);
    },
  });
}

export const blpop = blockingPopCommand('blpop', 'head', 'first');
