import { defineCommand } from '@cinnabar/command-kit';

export const incr = defineCommand({
  name: 'incr', arity: 2, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the integer value of a key by one', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => db.strings.incrBy(argv[1] as string, 1),
});
