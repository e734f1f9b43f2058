import { defineCommand } from '@cinnabar/command-kit';

export const mget = defineCommand({
  name: 'mget', arity: -2, flags: ['readonly', 'fast'], acl: ['@read', '@string', '@fast'],
  keys: { first: 1, last: -1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['request_policy:multi_shard'],
  docs: { summary: 'Get the values of all the given keys', since: '1.0.0', group: 'string', complexity: 'O(N) where N is the number of keys to retrieve.' },
  run: ({ db }, argv) => db.strings.mget(argv.slice(1)),
});
