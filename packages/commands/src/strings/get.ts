import { defineCommand } from '@cinnabar/command-kit';

export const get = defineCommand({
  name: 'get', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get the value of a key', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => db.strings.get(argv[1] as string),
});
