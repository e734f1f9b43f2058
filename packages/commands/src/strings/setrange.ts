import { RedisError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';
import { maxStringBytes } from './limits.js';

export const setrange = defineCommand({
  name: 'setrange', arity: 4, flags: ['write', 'denyoom'], acl: ['@write', '@string', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Overwrite part of a string at key starting at the specified offset', since: '2.2.0', group: 'string', complexity: 'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.' },
  run: ({ db, server }, argv) => {
    const offset = int64Arg(argv[2] as string);
    if (offset < 0) throw new RedisError('ERR offset is out of range');
    const max = maxStringBytes(server);
    // Offsets past 2^53 exceed any proto-max-bulk-len; let the size check report them.
    return db.strings.setRange(argv[1] as string, typeof offset === 'bigint' ? Number.MAX_SAFE_INTEGER : offset, argv[3] as string, max);
  },
});
