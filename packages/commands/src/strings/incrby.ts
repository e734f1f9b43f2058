import { defineCommand, int64Arg } from '@cinnabar/command-kit';

export const incrby = defineCommand({
  name: 'incrby', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the integer value of a key by the given amount', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => db.strings.incrBy(argv[1] as string, int64Arg(argv[2] as string)),
});
