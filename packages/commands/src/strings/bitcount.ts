// BITCOUNT: key first, then indexes, then the unit, as Redis checks them.

import { SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import { countBits, resolveBitRange } from '@cinnabar/storage';
import { bitUnitArg } from './bit-args.js';

export const bitcount = defineCommand({
  name: 'bitcount', arity: -2, flags: ['readonly'], acl: ['@read', '@bitmap', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Count set bits in a string', since: '2.6.0', group: 'bitmap', complexity: 'O(N)' },
  run: ({ db }, argv) => {
    // Redis looks the key up first: a missing key answers 0 whatever the arguments.
    const s = db.strings.get(argv[1] as string);
    if (s === null) return 0;
    if (argv.length === 2) return s.length === 0 ? 0 : countBits(s, 0, s.length * 8 - 1);
    if (argv.length !== 4 && argv.length !== 5) throw new SyntaxError();
    const start = int64Arg(argv[2] as string);
    const end = int64Arg(argv[3] as string);
    if (start < 0 && end < 0 && start > end) return 0;
    const isBit = argv.length === 5 && bitUnitArg(argv[4]);
    const range = resolveBitRange(s.length, start, end, isBit);
    return range === null ? 0 : countBits(s, range[0], range[1]);
  },
});
