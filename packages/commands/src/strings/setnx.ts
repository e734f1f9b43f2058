import { defineCommand } from '@cinnabar/command-kit';

export const setnx = defineCommand({
  name: 'setnx', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['OW', 'INSERT'] },
  docs: { summary: 'Set the value of a key, only if the key does not exist', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => (db.strings.set(argv[1] as string, argv[2] as string, { nx: true }).written ? 1 : 0),
});
