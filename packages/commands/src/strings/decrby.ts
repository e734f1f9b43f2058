import { negateInt64, RedisError } from '@cinnabar/common';
import { defineCommand, int64Arg } from '@cinnabar/command-kit';

export const decrby = defineCommand({
  name: 'decrby', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Decrement the integer value of a key by the given number', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => {
    const delta = negateInt64(int64Arg(argv[2] as string));
    if (delta === null) throw new RedisError('ERR decrement would overflow');
    return db.strings.incrBy(argv[1] as string, delta);
  },
});
