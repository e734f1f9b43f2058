import { RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, token } from '@cinnabar/command-kit';
import type { BitOp } from '@cinnabar/storage';

const OPS: Record<string, BitOp> = { AND: 'and', OR: 'or', XOR: 'xor', NOT: 'not' };

export const bitop = defineCommand({
  name: 'bitop', arity: -4, flags: ['write', 'denyoom'], acl: ['@write', '@bitmap', '@slow'],
  keys: { first: 2, last: -1, step: 1, flags: ['OW', 'UPDATE'] },
  docs: { summary: 'Perform bitwise operations between strings', since: '2.6.0', group: 'bitmap', complexity: 'O(N)' },
  run: ({ db }, argv) => {
    const op = OPS[token(argv[1])];
    if (op === undefined) throw new SyntaxError();
    if (op === 'not' && argv.length !== 4) throw new RedisError('ERR BITOP NOT must be called with a single source key.');
    return db.strings.bitOp(op, argv[2] as string, argv.slice(3));
  },
});
