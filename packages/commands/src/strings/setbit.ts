import { parseInt64, RedisError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import { bitOffsetArg } from './bit-args.js';
import { maxStringBytes } from './limits.js';

export const setbit = defineCommand({
  name: 'setbit', arity: 4, flags: ['write', 'denyoom'], acl: ['@write', '@bitmap', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Sets or clears the bit at offset in the string value stored at key', since: '2.2.0', group: 'bitmap', complexity: 'O(1)' },
  run: ({ db, server }, argv) => {
    const offset = bitOffsetArg(argv[2] as string, maxStringBytes(server));
    const bitError = () => new RedisError('ERR bit is not an integer or out of range');
    const on = parseInt64(argv[3] as string);
    if (on !== 0 && on !== 1) throw bitError();
    return db.strings.setBit(argv[1] as string, offset, on);
  },
});
