import { errors, RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { longArg, positiveLongArg } from './list-args.js';
import { readList } from './list-ops.js';

const RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";

interface LposOptions {
  rank: number;
  /** -1 when COUNT was not given. */
  count: number;
  maxlen: number;
}

function parseOptions(argv: readonly string[]): LposOptions {
  const o: LposOptions = { rank: 1, count: -1, maxlen: 0 };
  for (let j = 3; j < argv.length; j++) {
    const opt = (argv[j] as string).toUpperCase();
    const arg = argv[j + 1];
    if (arg === undefined) throw errors.syntax();
    j++;
    if (opt === 'RANK') {
      // Redis negates the rank in a C long: -2^63 stays negative and every match counts.
      o.rank = arg === '-9223372036854775808' ? -Infinity : longArg(arg);
      if (o.rank === 0) throw new RedisError(RANK_ZERO);
    } else if (opt === 'COUNT') o.count = positiveLongArg(arg, "COUNT can't be negative");
    else if (opt === 'MAXLEN') o.maxlen = positiveLongArg(arg, "MAXLEN can't be negative");
    else throw errors.syntax();
  }
  return o;
}

export const lpos = defineCommand({
  name: 'lpos', arity: -3, flags: ['readonly'], acl: ['@read', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Return the index of matching elements on a list', since: '6.0.6', group: 'list', complexity: 'O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.' },
  run: ({ db }, argv) => {
    const o = parseOptions(argv);
    const list = readList(db, argv[1] as string);
    if (o.rank === -Infinity) {
      o.rank = -1;
      if (o.count !== -1) o.count = 0;
    }
    if (o.count === -1) return list?.positions(argv[2] as string, o.rank, 1, o.maxlen)[0] ?? null;
    return list?.positions(argv[2] as string, o.rank, o.count, o.maxlen) ?? [];
  },
});
