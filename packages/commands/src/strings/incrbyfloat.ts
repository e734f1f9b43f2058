import { defineCommand } from '@cinnabar/command-kit';

export const incrbyfloat = defineCommand({
  name: 'incrbyfloat', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the float value of a key by the given amount', since: '2.6.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => db.strings.incrByFloat(argv[1] as string, argv[2] as string),
});
