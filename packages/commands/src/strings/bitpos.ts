// BITPOS: the bit, then the key, then start, unit and end, as Redis checks them.

import { RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import { bitPosition, resolveBitRange } from '@cinnabar/storage';
import { bitUnitArg } from './bit-args.js';

export const bitpos = defineCommand({
  name: 'bitpos', arity: -3, flags: ['readonly'], acl: ['@read', '@bitmap', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Find first bit set or clear in a string', since: '2.8.7', group: 'bitmap', complexity: 'O(N)' },
  run: ({ db }, argv) => {
    const arg = int64Arg(argv[2] as string);
    if (arg !== 0 && arg !== 1) throw new RedisError('ERR The bit argument must be 1 or 0.');
    const bit = arg as 0 | 1;
    // A missing key is an endless run of zeros.
    const s = db.strings.get(argv[1] as string);
    if (s === null) return bit === 1 ? -1 : 0;
    if (argv.length === 3) return bitPosition(s, bit, resolveBitRange(s.length, 0, -1, false), false);
    if (argv.length > 6) throw new SyntaxError();
    const start = int64Arg(argv[3] as string);
    const isBit = argv.length === 6 && bitUnitArg(argv[5]);
    const endGiven = argv.length >= 5;
    const end = endGiven ? int64Arg(argv[4] as string) : -1;
    return bitPosition(s, bit, resolveBitRange(s.length, start, end, isBit), endGiven);
  },
});
