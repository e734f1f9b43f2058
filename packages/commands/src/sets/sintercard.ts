// SINTERCARD numkeys key… [LIMIT n]: the intersection's size, stopping at n (0 = no limit).

import { errors, RedisError } from '@cinnabar/common';
import { defineCommand, token } from '@cinnabar/command-kit';
import { atLeastOneArg, positiveLongArg } from '../lists/list-args.js';
import { numkeysPositions } from '../lists/lmpop.js';
import { intersect, lookupSets } from './set-algebra.js';

export const sintercard = defineCommand({
  name: 'sintercard', arity: -3, flags: ['readonly'], acl: ['@read', '@set', '@slow'],
  keys: { first: 0, last: 0, step: 0, flags: ['RO', 'ACCESS'] },
  getKeys: (argv) => numkeysPositions(argv, 1),
  docs: { summary: 'Intersect multiple sets and return the cardinality of the result', since: '7.0.0', group: 'set', complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.' },
  run: ({ db }, argv) => {
    const numkeys = atLeastOneArg(argv[1] as string, 'numkeys should be greater than 0');
    if (numkeys > argv.length - 2) throw new RedisError("ERR Number of keys can't be greater than number of args");
    let limit = 0;
    for (let j = 2 + numkeys; j < argv.length; j++) {
      if (token(argv[j]) === 'LIMIT' && j + 1 < argv.length) limit = positiveLongArg(argv[++j] as string, "LIMIT can't be negative");
      else throw errors.syntax();
    }
    return intersect(lookupSets(db, argv.slice(2, 2 + numkeys)), limit).length;
  },
});
