import { errors } from '@cinnabar/common';
import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { positiveLongArg } from '../lists/list-args.js';
import { popFirstExisting } from './zset-pop.js';

/** ZPOPMIN/ZPOPMAX key [count]: flat member-score list, nested pairs in RESP3 with a count. */
export function zpop({ db, resp }: ClientSession, argv: readonly string[], max: boolean): Reply {
  if (argv.length > 3) throw errors.syntax();
  const count = argv.length === 3 ? positiveLongArg(argv[2] as string) : -1;
  const popped = popFirstExisting(db, [argv[1] as string], max, count === -1 ? 1 : count);
  if (popped === null) return [];
  if (resp > 2 && count !== -1) return popped.pairs.map(([m, s]) => [m, reply.double(s)]);
  return popped.pairs.flatMap(([m, s]) => [m, reply.double(s)]);
}

export const zpopmin = defineCommand({
  name: 'zpopmin', arity: -2, flags: ['write', 'fast'], acl: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Remove and return members with the lowest scores in a sorted set', since: '5.0.0', group: 'sorted_set', complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.' },
  run: (c, argv) => zpop(c, argv, false),
});
