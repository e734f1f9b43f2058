import { defineCommand } from '@cinnabar/command-kit';

export const strlen = defineCommand({
  name: 'strlen', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Get the length of the value stored in a key', since: '2.2.0', group: 'string', complexity: 'O(1)' },
  run: ({ db }, argv) => db.strings.strlen(argv[1] as string),
});
