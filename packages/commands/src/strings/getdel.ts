import { defineCommand } from '@cinnabar/command-kit';

export const getdel = defineCommand({
  name: 'getdel', arity: 2, flags: ['write', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Get the value of a key and delete the key', since: '6.2.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => db.strings.getDel(argv[1] as string),
});
