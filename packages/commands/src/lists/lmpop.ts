import { errors } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import type { ListEnd } from '@cinnabar/storage';
import { atLeastOneArg, whereArg } from './list-args.js';
import { propagatePop } from './list-blocking.js';
import { popFirstNonEmpty } from './list-ops.js';

export interface MpopArgs {
  keys: string[];
  end: ListEnd;
  count: number;
}

/** LMPOP/BLMPOP arguments from the numkeys position on: numkeys keys… LEFT|RIGHT [COUNT n]. */
export function parseMpop(argv: readonly string[], numkeysAt: number): MpopArgs {
  const numkeys = atLeastOneArg(argv[numkeysAt] as string, 'numkeys should be greater than 0');
  const whereAt = numkeysAt + numkeys + 1;
  if (whereAt >= argv.length) throw errors.syntax();
  const end = whereArg(argv[whereAt] as string);
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && (argv[j] as string).toUpperCase() === 'COUNT' && j + 1 < argv.length) {
      count = atLeastOneArg(argv[++j] as string, 'count should be greater than 0');
    } else throw errors.syntax();
  }
  return { keys: argv.slice(numkeysAt + 1, whereAt), end, count: count === -1 ? 1 : count };
}

/** Key positions of a numkeys-prefixed key list; none when numkeys is invalid or overruns argv. */
export function numkeysPositions(argv: readonly string[], numkeysAt: number): number[] {
  const s = argv[numkeysAt] ?? '';
  const n = /^[1-9][0-9]{0,15}$/.test(s) ? Number(s) : 0;
  if (n === 0 || numkeysAt + n >= argv.length) return [];
  return Array.from({ length: n }, (_, i) => numkeysAt + 1 + i);
}

export const lmpop = defineCommand({
  name: 'lmpop', arity: -4, flags: ['write'], acl: ['@write', '@list', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['RW', 'ACCESS', 'DELETE'] },
  getKeys: (argv) => numkeysPositions(argv, 1),
  docs: { summary: 'Pop elements from a list', since: '7.0.0', group: 'list', complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.' },
  run: (c, argv) => {
    const a = parseMpop(argv, 1);
    const popped = popFirstNonEmpty(c.db, a.keys, a.end, a.count);
    if (popped === null) return reply.nullArray;
    propagatePop(c, popped, a.end, true);
    return popped;
  },
});
